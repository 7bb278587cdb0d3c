package fr.relais.reference;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * The short lists of the accompaniment record: channels (sur rendez-vous, sans rendez-vous…), age brackets and
 * equipment. Read once, like {@link ReferenceData}; these lists have French labels only.
 */
@Singleton
public class ShortLists {
    private final List<ReferenceData.Option> channels;
    private final List<ReferenceData.Option> ageBrackets;
    private final List<ReferenceData.Option> equipment;

    ShortLists(Channels channels, AgeBrackets ageBrackets, Equipments equipment) {
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
