package cn.medexam.qualification.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheck;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.springframework.stereotype.Component;

/**
 * The reviewers' queues at 100,000 open cases (decisions 0021, 0024, 0025): the engine's task list and task count
 * check a task's grants with uncorrelated subqueries that the database evaluates once per query (one per kind of
 * grantee, from the covering indexes of {@link EngineIndexes}), the list selects its page without the engine's
 * {@code select distinct} over every column and is planned with its values ({@link PlannedWithTheirValues}), and the
 * variable query that fills a list's columns checks each variable's grants with a correlated {@code exists} that
 * reads the few grants of that case, instead of joining every grant of the user's groups to every task or variable
 * ({@code TaskQueryGrants.xml} says how). The same grants decide as before; only the SQL that asks them differs.
 * Installed by mapping the engine's statement names to this mapping's, the way the engine maps its own
 * database-specific statements ({@link DbSqlSessionFactory#mapStatement}).
 */
@Component
public class TaskQueryGrants extends AbstractProcessEnginePlugin {

    static final String MAPPING = "cn/medexam/qualification/system/TaskQueryGrants.xml";
    private static final String NAMESPACE = "cn.medexam.qualification.system.TaskQueryGrants.";
    private static final List<String> STATEMENTS = List.of(
            "selectTaskByQueryCriteria",
            "selectTaskCountByQueryCriteria",
            "selectVariableInstanceByQueryCriteria",
            "selectVariableInstanceCountByQueryCriteria");

    /** What the engine's fragments see instead of the check this mapping takes over: no check at all. */
    public static final AuthorizationCheck NO_CHECK = new AuthorizationCheck();

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        Configuration mybatis = configuration.getSqlSessionFactory().getConfiguration();
        if (!mybatis.isResourceLoaded(MAPPING)) {
            try (InputStream xml = TaskQueryGrants.class.getClassLoader().getResourceAsStream(MAPPING)) {
                if (xml == null) {
                    throw new IllegalStateException(MAPPING + " is missing from the class path");
                }
                new XMLMapperBuilder(xml, mybatis, MAPPING, mybatis.getSqlFragments()).parse();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (mybatis.getInterceptors().stream().noneMatch(PlannedWithTheirValues.class::isInstance)) {
            mybatis.addInterceptor(new PlannedWithTheirValues());
        }
        use(configuration, true);
    }

    /**
     * Switches the engine's task and variable queries between this mapping ({@code true}) and the engine's own statements; the
     * queue benchmark measures both in one run.
     */
    public static void use(ProcessEngineConfigurationImpl configuration, boolean grantSubqueries) {
        DbSqlSessionFactory factory = configuration.getDbSqlSessionFactory();
        Map<String, String> mappings = factory.getStatementMappings() == null
                ? new HashMap<>()
                : new HashMap<>(factory.getStatementMappings());
        for (String statement : STATEMENTS) {
            if (grantSubqueries) {
                mappings.put(statement, NAMESPACE + statement + "WithGrantSubqueries");
            } else {
                mappings.remove(statement);
            }
        }
        factory.setStatementMappings(mappings);
    }

    /**
     * Whether this mapping writes the check: the engine's check of a task query in Camunda's "auto" revoke mode
     * with no revoking authorization in the database (grants only), exactly READ on the task or READ_TASK on its
     * definition. Anything else keeps the engine's own SQL.
     */
    public static boolean appliesTo(AuthorizationCheck check) {
        List<PermissionCheck> atomic = grantsOnly(check);
        return atomic.size() == 2
                && is(atomic.get(0), Resources.TASK.resourceType(), "RES.ID_", Permissions.READ.getValue())
                && is(
                        atomic.get(1),
                        Resources.PROCESS_DEFINITION.resourceType(),
                        "D.KEY_",
                        Permissions.READ_TASK.getValue());
    }

    /**
     * Whether the list's criteria, as this mapping writes them, join no table that can repeat a task
     * ({@link #criteriaRepeatNoTask}) and the list is ordered by no variable. Such a list needs neither the engine's
     * {@code select distinct} nor this mapping's semi-join (decisions 0029, 0030).
     */
    public static boolean oneRowPerTask(TaskQueryImpl query) {
        boolean orderedByVariable =
                query.getOrderingProperties().stream().anyMatch(ordering -> ordering.getRelation() != null);
        return criteriaRepeatNoTask(query) && !orderedByVariable;
    }

    /**
     * Whether the criteria, as this mapping writes them, join no table that can repeat a task: no identity links in
     * the query or its "or" queries other than candidate groups that this mapping asks itself
     * ({@link #candidateGroupsOnly}); every other table the engine's criteria join has one row per task (definition,
     * process instance, execution, case). Their count is then a {@code count(*)}, not a count of distinct ids.
     */
    public static boolean criteriaRepeatNoTask(TaskQueryImpl query) {
        boolean identityLinks = query.getQueries().stream()
                .anyMatch(criteria -> criteria.getCandidateUser() != null
                        || criteria.getCandidateGroups() != null
                        || criteria.getCandidateGroupLike() != null
                        || criteria.getInvolvedUser() != null
                        || Boolean.TRUE.equals(criteria.isWithCandidateGroups())
                        || Boolean.TRUE.equals(criteria.isWithCandidateUsers()));
        return !identityLinks || candidateGroupsOnly(query);
    }

    /**
     * Whether the query's only identity criterion is a non-empty list of candidate groups (the site's queue asks one
     * group): a single query, no "or" queries, no candidate user, group pattern or involved user. This mapping then
     * writes that criterion itself, as the tasks whose id is among the groups' candidate links
     * ({@code RES.ID_ in (…)}), and the engine's fragment writes the rest without its identity-link join
     * ({@link #withoutCandidateGroups}); a task linked to two of the groups is counted and listed once, without a
     * {@code select distinct} (decision 0030).
     */
    public static boolean candidateGroupsOnly(TaskQueryImpl query) {
        if (query.getQueries().size() != 1 || query.getCandidateUser() != null) {
            return false; // a candidate user's groups are looked up, and they come with the user's own links
        }
        List<String> groups = query.getCandidateGroups();
        return groups != null
                && !groups.isEmpty()
                && query.getCandidateGroupLike() == null
                && query.getInvolvedUser() == null
                && !Boolean.TRUE.equals(query.isWithCandidateGroups())
                && !Boolean.TRUE.equals(query.isWithCandidateUsers());
    }

    /** The query's criteria for the engine's fragment, as {@link #candidateGroupsOnly} needs them: without the groups. */
    public static List<TaskQueryImpl> withoutCandidateGroups(TaskQueryImpl query) {
        return List.of(new WithoutCandidateGroups(query));
    }

    /**
     * A copy of a task query's criteria (every field, as {@code Object.clone} would copy them) that names no
     * candidate group. Only the engine's criteria fragment reads it, while it writes the SQL; nothing executes it.
     */
    private static final class WithoutCandidateGroups extends TaskQueryImpl {

        private static final long serialVersionUID = 1L;

        /** The instance fields of a task query and its superclasses, looked up once. */
        private static final List<Field> FIELDS = instanceFields();

        WithoutCandidateGroups(TaskQueryImpl query) {
            try {
                for (Field field : FIELDS) {
                    field.set(this, field.get(query));
                }
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot copy the criteria of a task query", e);
            }
        }

        private static List<Field> instanceFields() {
            List<Field> fields = new ArrayList<>();
            for (Class<?> type = TaskQueryImpl.class; type != Object.class; type = type.getSuperclass()) {
                for (Field field : type.getDeclaredFields()) {
                    if (!Modifier.isStatic(field.getModifiers())) {
                        field.setAccessible(true);
                        fields.add(field);
                    }
                }
            }
            return List.copyOf(fields);
        }

        @Override
        public List<String> getCandidateGroups() {
            return null;
        }
    }

    /**
     * Whether this mapping writes the check of a variable query: Camunda's "auto" revoke mode with no revoking
     * authorization in the database, any grants of the engine's one disjunctive list of atomic checks (READ on the
     * case, its task or READ_INSTANCE on its definition; or the specific variable permissions).
     */
    public static boolean appliesToVariables(AuthorizationCheck check) {
        return !grantsOnly(check).isEmpty();
    }

    /**
     * The atomic checks of a logged-in user's check in Camunda's "auto" revoke mode with no revoking authorization
     * in the database, when they are one disjunctive list; none for any other check.
     */
    private static List<PermissionCheck> grantsOnly(AuthorizationCheck check) {
        if (check == null
                || !check.getShouldPerformAuthorizatioCheck()
                || check.getAuthUserId() == null
                || check.isRevokeAuthorizationCheckEnabled()) {
            return List.of();
        }
        CompositePermissionCheck checks = check.getPermissionChecks();
        if (checks == null
                || !checks.isDisjunctive()
                || !checks.getCompositeChecks().isEmpty()) {
            return List.of();
        }
        return checks.getAtomicChecks();
    }

    private static boolean is(PermissionCheck check, int resourceType, String resourceIdQueryParam, int perms) {
        return check.getResourceType() == resourceType
                && resourceIdQueryParam.equals(check.getResourceIdQueryParam())
                && check.getPerms() == perms;
    }
}
