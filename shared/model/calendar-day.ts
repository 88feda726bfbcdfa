/** A calendar day (YYYY-MM-DD): a follow-up action is due on a day, not at an instant. */
import { z } from 'zod';

export const DaySchema = z.iso.date();
