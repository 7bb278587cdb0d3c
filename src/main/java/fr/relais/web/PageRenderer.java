package fr.relais.web;

import io.micronaut.core.io.Writable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.ModelAndViewRenderer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Renders a page to HTML at once. Error and refusal pages need it: when a filter (security, CSRF) answers,
 * the views filter has not run and would not render a ModelAndView.
 */
@Singleton
class PageRenderer {
    private final ModelAndViewRenderer<Map<String, Object>, HttpRequest<?>> renderer;

    PageRenderer(ModelAndViewRenderer<Map<String, Object>, HttpRequest<?>> renderer) {
        this.renderer = renderer;
    }

    MutableHttpResponse<String> render(Page page, HttpStatus status, HttpRequest<?> request) {
        ModelAndView<Map<String, Object>> mav = page.status(status).body();
        String html = renderer.render(mav, request, MediaType.TEXT_HTML).map(PageRenderer::toText).orElse("");
        return HttpResponse.<String>status(status).contentType(MediaType.TEXT_HTML_TYPE).body(html);
    }

    private static String toText(Writable writable) {
        StringWriter out = new StringWriter();
        try {
            writable.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
