package fr.relais.reference;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import fr.relais.web.Messages;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Locale;

/**
 * The short lists of the accompaniment record: channels (sur rendez-vous, sans rendez-vous…), age brackets and
 * equipment. Read once, like {@link ReferenceData}. The seed data has French labels only; pages show the label
 * of the message bundles ({@code list.channel.WALK_IN}…) in the page's language when there is one.
 */
@Singleton
public class ShortLists {
    private final List<ReferenceData.Option> channels;
    private final List<ReferenceData.Option> ageBrackets;
    private final List<ReferenceData.Option> equipment;

    private final Messages messages;

    ShortLists(Channels channels, AgeBrackets ageBrackets, Equipments equipment, Messages messages) {
        this.messages = messages;
        this.channels = channels.findAllOrderByPosition().stream().map(c -> new ReferenceData.Option(c.code(), c.labelFr())).toList();
        this.ageBrackets = ageBrackets.findAllOrderByPosition().stream().map(c -> new ReferenceData.Option(c.code(), c.labelFr())).toList();
        this.equipment = equipment.findAllOrderByPosition().stream().map(c -> new ReferenceData.Option(c.code(), c.labelFr())).toList();
    }

    public List<ReferenceData.Option> channels() {
        return channels;
    }

    public List<ReferenceData.Option> ageBrackets() {
        return ageBrackets;
    }

    public List<ReferenceData.Option> equipment() {
        return equipment;
    }

    public List<ReferenceData.Option> channels(Locale locale) {
        return translated("channel", channels, locale);
    }

    public List<ReferenceData.Option> ageBrackets(Locale locale) {
        return translated("age", ageBrackets, locale);
    }

    public List<ReferenceData.Option> equipment(Locale locale) {
        return translated("equipment", equipment, locale);
    }

    private List<ReferenceData.Option> translated(String list, List<ReferenceData.Option> options, Locale locale) {
        return options.stream().map(o -> {
            String key = "list." + list + "." + o.code();
            return messages.has(locale, key) ? new ReferenceData.Option(o.code(), messages.get(locale, key)) : o;
        }).toList();
    }

    /** The label of a code of one of these lists, or the code itself when unknown. */
    public static String label(List<ReferenceData.Option> list, String code) {
        return list.stream().filter(o -> o.code().equals(code)).map(ReferenceData.Option::label).findFirst().orElse(code);
    }

    public static boolean contains(List<ReferenceData.Option> list, String code) {
        return list.stream().anyMatch(o -> o.code().equals(code));
    }

    @MappedEntity("channel")
    record Channel(@Id String code, String labelFr, int position) {
    }

    @MappedEntity("age_bracket")
    record AgeBracket(@Id String code, String labelFr, int position) {
    }

    @MappedEntity("equipment")
    record Equipment(@Id String code, String labelFr, int position) {
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface Channels extends GenericRepository<Channel, String> {
        List<Channel> findAllOrderByPosition();
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface AgeBrackets extends GenericRepository<AgeBracket, String> {
        List<AgeBracket> findAllOrderByPosition();
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface Equipments extends GenericRepository<Equipment, String> {
        List<Equipment> findAllOrderByPosition();
    }
}
