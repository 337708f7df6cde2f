package ru.unitecon.ui.data;

import ru.unitecon.core.metrics.MetricsEngine;
import ru.unitecon.core.portal.PortalSettings;

import java.time.Instant;

/** @param dataAsOf when the newest change behind the figures was applied, or null before any */
public record Dashboard(PortalSettings settings, MetricsEngine engine, Instant dataAsOf) {
}
