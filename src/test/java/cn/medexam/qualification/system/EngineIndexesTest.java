package cn.medexam.qualification.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.medexam.qualification.support.EngineTest;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The engine's tables carry the application's indexes once the engine has started (decision 0024). */
@EngineTest
class EngineIndexesTest {

    @Autowired
    DataSource dataSource;

    @Test
    void everyIndexTheApplicationAddsToTheEnginesTablesExists() {
        assertThat(EngineIndexes.INDEXES)
                .isNotEmpty()
                .allSatisfy(index -> assertThat(EngineIndexes.exists(dataSource, index))
                        .as(index.name())
                        .isTrue());
    }
}
