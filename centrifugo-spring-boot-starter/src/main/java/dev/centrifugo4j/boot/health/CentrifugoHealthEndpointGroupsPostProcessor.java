package dev.centrifugo4j.boot.health;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.health.actuate.endpoint.AdditionalHealthEndpointPath;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroup;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroupsPostProcessor;
import org.springframework.boot.health.actuate.endpoint.HttpCodeStatusMapper;
import org.springframework.boot.health.actuate.endpoint.StatusAggregator;

/**
 * Adds the health group {@value #GROUP} ({@code /actuator/health/centrifugo-api}) holding only the
 * {@code centrifugo} indicator, with the primary group's display settings, unless the application
 * declares a group of that name itself ({@code management.endpoint.health.group.centrifugo-api.*}).
 * A group may not share its name with an indicator, hence the suffix.
 */
public final class CentrifugoHealthEndpointGroupsPostProcessor implements HealthEndpointGroupsPostProcessor {

    /** The group's name. */
    public static final String GROUP = "centrifugo-api";

    /** The indicator's name. */
    public static final String INDICATOR = "centrifugo";

    @Override
    public HealthEndpointGroups postProcessHealthEndpointGroups(HealthEndpointGroups groups) {
        if (groups.get(GROUP) != null) {
            return groups;
        }
        Map<String, HealthEndpointGroup> all = new LinkedHashMap<>();
        for (String name : groups.getNames()) {
            all.put(name, groups.get(name));
        }
        all.put(GROUP, new CentrifugoGroup(groups.getPrimary()));
        return HealthEndpointGroups.of(groups.getPrimary(), all);
    }

    private record CentrifugoGroup(HealthEndpointGroup primary) implements HealthEndpointGroup {

        @Override
        public boolean isMember(String name) {
            return INDICATOR.equals(name);
        }

        @Override
        public boolean showComponents(SecurityContext securityContext) {
            return this.primary.showComponents(securityContext);
        }

        @Override
        public boolean showDetails(SecurityContext securityContext) {
            return this.primary.showDetails(securityContext);
        }

        @Override
        public StatusAggregator getStatusAggregator() {
            return this.primary.getStatusAggregator();
        }

        @Override
        public HttpCodeStatusMapper getHttpCodeStatusMapper() {
            return this.primary.getHttpCodeStatusMapper();
        }

        @Override
        public @Nullable AdditionalHealthEndpointPath getAdditionalPath() {
            return null;
        }
    }
}
