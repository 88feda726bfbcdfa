/**
 * From this size on, an update is worth a full garbage collection (V8's `gc`, when the process has
 * one) between storing and applying it: its decoded structs (its size once more in the heap, garbage
 * once stored) are gone before applying decodes it anew. V8 would otherwise hold both at once, its
 * heap growing by the update's size in one go. A collection costs ~0.1–0.5 s, little beside reading
 * and storing tens of megabytes. Measured in bench/BACKLOG.md (collecting before decoding, to free
 * the socket reads the message was assembled from, did not lower the peak: glibc keeps those pages).
 */
export const COLLECT_BEFORE_APPLYING_BYTES = 8 * 1024 * 1024;
