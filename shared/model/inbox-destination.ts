/**
 * "Kotak klip" as a clip's destination: clips aimed at the personal inbox carry this in place of a
 * draft id, through the same panel, outbox and delivery as clips into drafts. It matches the draft id
 * pattern (so every message schema takes it) but no server makes such an id (server/ids.ts draws
 * random ones).
 */
export const INBOX_DESTINATION = '__kotak-klip__';

export const isInboxDestination = (draftId: string | null | undefined): boolean => draftId === INBOX_DESTINATION;
