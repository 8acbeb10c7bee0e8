package cn.medexam.qualification.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.Set;
import org.apache.ibatis.executor.statement.StatementHandler;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Plugin;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.reflection.MetaObject;
import org.apache.ibatis.reflection.SystemMetaObject;
import org.postgresql.PGStatement;

/**
 * Has PostgreSQL plan the queue's statements ({@link TaskQueryGrants}) with the values of their parameters every
 * time (decision 0025). From a statement's fifth execution on a connection pgjdbc prepares it on the server, and
 * PostgreSQL then settles on a generic plan that does not know whose grants and which group it asks for: the
 * region's list statement took 361–395 ms with it against 263–275 ms planned with its values. Only these
 * statements: every statement of the engine planned anew cost the deadline day 15–20 % of its cases per second.
 * Other databases' statements are left as they are.
 */
@Intercepts(
        @Signature(
                type = StatementHandler.class,
                method = "prepare",
                args = {Connection.class, Integer.class}))
final class PlannedWithTheirValues implements Interceptor {

    private final Set<String> statementIds;

    PlannedWithTheirValues(Set<String> statementIds) {
        this.statementIds = statementIds;
    }

    @Override
    public Object intercept(Invocation invocation) throws Throwable {
        Statement statement = (Statement) invocation.proceed();
        if (statementIds.contains(statementId((StatementHandler) invocation.getTarget()))) {
            neverPreparedOnTheServer(statement);
        }
        return statement;
    }

    /** pgjdbc's threshold 0: an unnamed statement each time, which PostgreSQL plans with the values it is bound to. */
    static void neverPreparedOnTheServer(Statement statement) throws SQLException {
        if (statement.isWrapperFor(PGStatement.class)) {
            statement.unwrap(PGStatement.class).setPrepareThreshold(0);
        }
    }

    private static String statementId(StatementHandler handler) {
        MetaObject meta = SystemMetaObject.forObject(handler);
        // the engine's handlers are MyBatis's RoutingStatementHandler around the one for the statement's type
        Object mapped = meta.hasGetter("delegate.mappedStatement")
                ? meta.getValue("delegate.mappedStatement")
                : meta.getValue("mappedStatement");
        return mapped instanceof MappedStatement statement ? statement.getId() : null;
    }

    @Override
    public Object plugin(Object target) {
        return target instanceof StatementHandler ? Plugin.wrap(target, this) : target;
    }

    @Override
    public void setProperties(Properties properties) {
        // nothing to configure
    }
}
