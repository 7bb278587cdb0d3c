package fr.relais.accompaniment;

import fr.relais.partner.Partner;
import fr.relais.reference.ReferenceData;
import fr.relais.security.CurrentStaff;
import fr.relais.security.Role;
import fr.relais.site.Site;
import fr.relais.web.Page;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * One record's page — with, for the helper who referred the person, the form that prints the referral slip — and
 * the notices that stand for the form when there is nothing to log.
 */
@Singleton
class RecordPages {
    static final String DETAIL_VIEW = "accompaniment/detail";
    static final String NOTICE_VIEW = "accompaniment/notice";
    private final Accompaniments accompaniments;
    private final ReferenceData reference;
    private final ReferralPrint referrals;
    private final RecordWords words;
    private final LogTime time;

    RecordPages(Accompaniments accompaniments, ReferenceData reference, ReferralPrint referrals, RecordWords words,
                LogTime time) {
        this.accompaniments = accompaniments;
        this.reference = reference;
        this.referrals = referrals;
        this.words = words;
        this.time = time;
    }

    /** The slip's form as shown: what was typed, or the reasons all ticked and the lines to bring first offered. */
    record PrintView(String personName, List<Choice> reasons, String bring) {
    }

    /**
     * The record's page; {@code print} is the slip's form as posted (null on first showing), with its
     * {@code errors}.
     */
    Page detail(CurrentStaff me, Site site, Accompaniment a, boolean correctable, @Nullable ReferralPrint.Form print,
                Map<String, String> errors, Locale locale) {
        Accompaniments.Detail d = accompaniments.detail(a.id());
        boolean own = me.role() == Role.HELPER && a.helperId() == me.id();
        Partner referredTo = referrals.partner(site, a).orElse(null);
        Page page = Page.of(DETAIL_VIEW).title("accompaniment.detail.title")
                .with("site", site).with("record", words.view(a, d, site, locale))
                .with("own", own).with("correctable", own && correctable)
                .with("base", a.path())
                .with("deskHref", deskHref(site))
                .with("errors", errors);
        if (a.partnerId() != null || a.partnerKindCode() != null) {
            page.with("partner", referredTo == null ? reference.partnerKindLabel(a.partnerKindCode(), locale) : referredTo.name());
        }
        if (own && referredTo != null) {
            page.with("print", print(d, referredTo, print, locale));
        }
        return page;
    }

    private PrintView print(Accompaniments.Detail d, Partner partner, @Nullable ReferralPrint.Form typed, Locale locale) {
        List<ReferralPrint.Reason> reasons = referrals.reasons(d, locale);
        List<Choice> boxes = IntStream.range(0, reasons.size()).mapToObj(i -> Choice.of(reasons.get(i).code(),
                reasons.get(i).label(), typed == null || typed.reasons().contains(reasons.get(i).code()))
                .withId(String.valueOf(i))).toList();
        if (typed == null) {
            return new PrintView("", boxes, String.join("\n", referrals.defaultBring(d, partner)));
        }
        return new PrintView(typed.personName() == null ? "" : typed.personName(), boxes,
                typed.bring() == null ? "" : typed.bring());
    }

    /** A notice instead of the form ({@code titleKey}, {@code textKey}), with the ways back. */
    Page notice(Site site, String titleKey, String textKey) {
        return Page.of(NOTICE_VIEW).title(titleKey).with("site", site).with("textKey", textKey)
                .with("deskHref", deskHref(site));
    }

    /** A record of another day: read only (409). */
    MutableHttpResponse<?> tooLate(Site site, Accompaniment a) {
        return notice(site, "accompaniment.notice.tooLate.title", "accompaniment.notice.tooLate.text")
                .with("record", a.path()).status(HttpStatus.CONFLICT);
    }

    /** A workshop's collective record: corrected through the session's attendance, never here (409). */
    MutableHttpResponse<?> collective(Site site, Accompaniment a) {
        return notice(site, "accompaniment.notice.collective.title", "accompaniment.notice.collective.text")
                .with("record", a.path()).with("attendance", a.attendancePath()).status(HttpStatus.CONFLICT);
    }

    private String deskHref(Site site) {
        return "/bureau/" + site.id() + "/jour/" + time.today(site);
    }
}
