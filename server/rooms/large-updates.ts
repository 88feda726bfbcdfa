/**
 * From this size on, an update is worth a full garbage collection (V8's `gc`, when the process has
 * one) between storing and applying it: its decoded structs (its size once more in the heap, garbage
 * once stored), or for a scanned update the message itself (scanned-commit.ts), are gone before
 * applying decodes it anew. V8 would otherwise hold both at once, its
 * heap growing by the update's size in one go. A collection costs ~0.1–0.5 s, little beside reading
 * and storing tens of megabytes. Measured in bench/BACKLOG.md (collecting before decoding, to free
 * the socket reads the message was assembled from, did not lower the peak: glibc keeps those pages).
 */
export const COLLECT_BEFORE_APPLYING_BYTES = 8 * 1024 * 1024;

/**
 * A large update is stored in slices of at most this size (or the sync piece size, when smaller):
 * each slice costs storing its size a few times over (encoded, bound, SQLite's record), and with
 * 4 MiB slices a 200 MB backlog's peak was ~20 MiB higher than with 1 MiB ones, at no measurable cost
 * in merge time (bench/BACKLOG.md).
 */
export const STORED_SLICE_BYTES = 1024 * 1024;
