package cn.medexam.qualification.support;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * A test against the whole application with its engine and database: H2 in memory by default, PostgreSQL in the
 * build's second run (tag {@code engine}, see pom.xml and {@link DatabaseAvailable}).
 */
@Target(TYPE)
@Retention(RUNTIME)
@Tag("engine")
@ExtendWith(DatabaseAvailable.class)
@SpringBootTest
@ActiveProfiles("test")
public @interface EngineTest {}
