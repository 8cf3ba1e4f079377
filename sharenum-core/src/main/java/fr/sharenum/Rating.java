package fr.sharenum;

/**
 * Aggregate of participants' feedback.
 *
 * @param count           how many feedbacks
 * @param meanUsefulness  mean usefulness, 1–5 (NaN when count is 0)
 */
public record Rating(int count, double meanUsefulness) {
}
