// Session and throttling rules, in one place so they are easy to review.

/** A session ends after this much inactivity… */
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
/** …and at the latest this long after sign-in. */
export const SESSION_ABSOLUTE_MS = 7 * 24 * 60 * 60 * 1000;
/** Sliding expiry is written back at most this often, to spare the database a write per call. */
export const SESSION_TOUCH_MS = 5 * 60 * 1000;

/** Failed sign-ins counted over this window… */
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
/** …lock a username after this many… */
export const MAX_FAILURES_PER_USERNAME = 5;
/** …and a client address after this many (guessing across many usernames). */
export const MAX_FAILURES_PER_CLIENT = 20;

export const SESSION_COOKIE = "coherence_session";
