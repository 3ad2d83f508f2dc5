package dev.charter.platform.jdbc;

import dev.charter.testsupport.TestInfrastructure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A page of a list on a real PostgreSQL: after a position, in position order, narrowed by the filters given. */
class PageQueryTest {

    enum Status {
        OPEN, CLOSED
    }

    private static JdbcClient jdbc;

    @BeforeAll
    static void table() {
        jdbc = JdbcClient.create(TestInfrastructure.migratedDatabase("page_query", "classpath:db/migration/platform"));
        jdbc.sql("CREATE TABLE item (seq BIGSERIAL PRIMARY KEY, name TEXT, module_id TEXT, status TEXT)").update();
        for (String row : List.of("a:nn:OPEN", "b:vision:OPEN", "c:nn:CLOSED", "d:nn:OPEN")) {
            String[] cells = row.split(":");
            jdbc.sql("INSERT INTO item (name, module_id, status) VALUES (?, ?, ?)").params((Object[]) cells).update();
        }
    }

    @Test
    @DisplayName("without filters: the rows after the position, in its order, at most the limit")
    void pages() {
        assertThat(names(new PageQuery("SELECT * FROM item", "seq", 0), 10)).containsExactly("a", "b", "c", "d");
        assertThat(names(new PageQuery("SELECT * FROM item", "seq", 0), 2)).containsExactly("a", "b");
        assertThat(names(new PageQuery("SELECT * FROM item", "seq", 2), 10)).containsExactly("c", "d");
    }

    @Test
    @DisplayName("a filter that is given narrows the page (an enum by its name); one that is not adds nothing")
    void filters() {
        assertThat(names(new PageQuery("SELECT * FROM item", "seq", 0).equal("module_id", "nn")
                .equal("status", Status.OPEN), 10)).containsExactly("a", "d");
        assertThat(names(new PageQuery("SELECT * FROM item", "seq", 0).equal("module_id", null)
                .equal("status", null), 10)).containsExactly("a", "b", "c", "d");
        assertThat(names(new PageQuery("SELECT * FROM item i", "seq", 1)
                .where("i.status NOT IN (:ended)", "ended", List.of("CLOSED")), 10)).containsExactly("b", "d");
    }

    private static List<String> names(PageQuery query, int limit) {
        return query.list(jdbc, limit, (rs, n) -> rs.getString("name"));
    }
}
