package fr.relais.accompaniment;

import fr.relais.security.CurrentStaff;
import fr.relais.site.Site;
import fr.relais.site.Sites;
import fr.relais.web.Page;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;

import java.util.Map;
import java.util.Locale;

/**
 * "Mes accompagnements": a helper's own records of the day and the week, one record's page, its deletion the day it
 * was logged. Directors read their sites' records (nothing in them names a person); coordination and administration
 * see the anonymised statistics instead (403 here).
 */
@Controller("/accompagnements")
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class MyRecordsController {
    private final Sites sites;
    private final Accompaniments accompaniments;
    private final RecordListPage listPage;
    private final RecordPages pages;
    private final RecordAccess access;

    MyRecordsController(Sites sites, Accompaniments accompaniments, RecordListPage listPage, RecordPages pages,
                        RecordAccess access) {
        this.sites = sites;
        this.accompaniments = accompaniments;
        this.listPage = listPage;
        this.pages = pages;
        this.access = access;
    }

    @Get
    @Secured({"HELPER", "DIRECTOR"})
    MutableHttpResponse<?> list(@Nullable @QueryValue String periode, @Nullable @QueryValue String mode,
                                @Nullable @QueryValue String theme, CurrentStaff me, Locale locale) {
        return listPage.page(me, sites.visibleTo(me), periode, mode, theme, locale).ok();
    }

    @Get("/{siteId}/{id}")
    @Secured({"HELPER", "DIRECTOR"})
    MutableHttpResponse<?> detail(long siteId, long id, @Nullable @QueryValue String nouveau, CurrentStaff me,
                                  Locale locale) {
        Site site = sites.manageable(me, siteId);
        Accompaniment a = access.readable(me, site, id);
        return pages.detail(me, site, a, access.correctable(a, site), null, Map.of(), locale)
                .with("justSaved", nouveau != null).ok();
    }

    @Post("/{siteId}/{id}/suppression")
    @Secured("HELPER")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> delete(long siteId, long id, CurrentStaff me) {
        Site site = sites.manageable(me, siteId);
        Accompaniment a = access.own(me, site, id);
        if (a.collective()) {
            return pages.collective(site, a);
        }
        if (!access.correctable(a, site)) {
            return pages.tooLate(site, a);
        }
        accompaniments.delete(a);
        return Page.seeOther("/accompagnements?supprime=1");
    }
}
