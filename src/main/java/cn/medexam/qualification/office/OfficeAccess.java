package cn.medexam.qualification.office;

import cn.medexam.qualification.campaign.Region;
import cn.medexam.qualification.system.ApiException;
import cn.medexam.qualification.system.ReviewGroups;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Who sees which part of a campaign in the office's view: administrators every region, a region's reviewers
 * (region-&lt;REGION&gt;) their region, a site's reviewers (site-&lt;code&gt;) their site. Anyone else, and anyone
 * asking for a region they have no part of, gets 404 as for a campaign that does not exist.
 */
@Component
class OfficeAccess {

    /** The part of one campaign a caller sees: every site, or these. */
    record Scope(Region region, int examYear, boolean allSites, Set<String> sites, boolean administrator) {

        boolean sees(String site) {
            return allSites || sites.contains(site);
        }
    }

    private final JdbcTemplate jdbc;

    OfficeAccess(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Scope scope(Authentication caller, String region, int examYear) {
        Region parsed = region(region);
        Set<String> groups = groups(caller);
        boolean admin = groups.contains(ReviewGroups.ADMINS);
        if (admin || groups.contains(ReviewGroups.region(parsed.name()))) {
            return new Scope(parsed, examYear, true, Set.of(), admin);
        }
        Set<String> ownSites = groups.stream()
                .filter(g -> g.startsWith("site-"))
                .map(g -> g.substring(5))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> inRegion = new TreeSet<>();
        for (String site : ownSites) {
            if (siteInRegion(site, parsed, examYear)) {
                inRegion.add(site);
            }
        }
        if (inRegion.isEmpty()) {
            throw unknown();
        }
        return new Scope(parsed, examYear, false, inRegion, false);
    }

    /** Administrators and the region's reviewers: the whole region, or 404. */
    Scope regionScope(Authentication caller, String region, int examYear) {
        Scope scope = scope(caller, region, examYear);
        if (!scope.allSites()) {
            throw unknown();
        }
        return scope;
    }

    private boolean siteInRegion(String site, Region region, int examYear) {
        Integer named = jdbc.queryForObject(
                "SELECT COUNT(*) FROM exam_site WHERE code = ? AND region = ?", Integer.class, site, region.name());
        if (named != null && named > 0) {
            return true;
        }
        return !jdbc.queryForList(
                        "SELECT 1 FROM case_progress WHERE region = ? AND exam_year = ? AND exam_site = ?"
                                + " FETCH FIRST 1 ROWS ONLY",
                        Integer.class,
                        region.name(),
                        examYear,
                        site)
                .isEmpty();
    }

    static Region region(String region) {
        try {
            return Region.valueOf(region);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw unknown();
        }
    }

    static Set<String> groups(Authentication caller) {
        return caller.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith("GROUP_"))
                .map(authority -> authority.substring(6))
                .collect(Collectors.toSet());
    }

    static ApiException unknown() {
        return ApiException.notFound("未找到该考区该年度的审核，或您无权查看");
    }
}
