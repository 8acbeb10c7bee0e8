package cn.medexam.qualification.checklist;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The material names candidates and reviewers read, from table material_type. */
@Component
public class MaterialCatalog {

    private final JdbcClient jdbc;

    MaterialCatalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Code to name, in display order. */
    public Map<String, String> names() {
        Map<String, String> names = new LinkedHashMap<>();
        jdbc.sql("SELECT code, name FROM material_type ORDER BY sort_order").query(rs -> {
            names.put(rs.getString("code"), rs.getString("name"));
        });
        return names;
    }
}
