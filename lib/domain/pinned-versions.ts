/**
 * Pinned charts (`version=`): a data version's numbers stay readable this many days after a newer
 * version replaced them. Long enough for an article's embed to outlive the news cycle, short
 * enough that the replaced rows (a few per date and cut) do not pile up forever.
 */
export const PINNED_VERSION_DAYS = 180;
