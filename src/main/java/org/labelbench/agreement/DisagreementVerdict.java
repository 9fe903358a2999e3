package org.labelbench.agreement;

import java.time.Instant;

/** An item's adjudicated (gold) label: the newest annotation with origin {@code adjudicated}. */
public record DisagreementVerdict(long annotationId, String label, String adjudicator, Instant submitted) {
}
