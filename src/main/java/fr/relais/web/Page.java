package fr.relais.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.views.ModelAndView;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/** A page to render: view name and a mutable model that the layout processor completes. */
public final class Page {
    private final String view;
    private final Map<String, Object> model = new HashMap<>();

    private Page(String view) {
        this.view = view;
    }

    public static Page of(String view) {
        return new Page(view);
    }

    public Page with(String key, Object value) {
        model.put(key, value);
        return this;
    }

    public Page title(String messageKey) {
        return with(LayoutModel.TITLE_KEY, messageKey);
    }

    public MutableHttpResponse<ModelAndView<Map<String, Object>>> ok() {
        return status(HttpStatus.OK);
    }

    /** Invalid form: the same page, with the typed values and a message per field. */
    public MutableHttpResponse<ModelAndView<Map<String, Object>>> invalid() {
        return status(HttpStatus.UNPROCESSABLE_ENTITY);
    }

    public MutableHttpResponse<ModelAndView<Map<String, Object>>> status(HttpStatus status) {
        // Explicit type: responses built outside a controller (exception handlers) must be rendered too.
        return HttpResponse.<ModelAndView<Map<String, Object>>>status(status)
                .contentType(MediaType.TEXT_HTML_TYPE)
                .body(new ModelAndView<>(view, model));
    }

    /** POST succeeded: 303 See Other, so a reload does not post again. */
    public static MutableHttpResponse<?> seeOther(String path) {
        return HttpResponse.seeOther(URI.create(path));
    }
}
