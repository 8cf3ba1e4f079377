package fr.sharenum.geo.internal;

import fr.sharenum.model.MemberId;
import fr.sharenum.model.Uai;

/** What a posting points to: one object per member and establishment, shared by all their postings. */
record MemberRef(MemberId id, Uai establishment) {
}
