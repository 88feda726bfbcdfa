/**
 * Zod probes `new Function("")` once to compile faster object parsers. Under the web editor's CSP
 * (and an extension page's) that probe is refused and reported as a violation; parsing without
 * the probe ("jitless") behaves the same. Imported first by the editor page, before any parsing.
 */
import { z } from 'zod';

z.config({ jitless: true });
