package vn.parindex.registry.unit.repository;

import java.time.LocalDate;
import vn.parindex.registry.unit.domain.Level;

/**
 * Filters of a unit listing. {@code asOf == null} searches every version (a name search without a date finds
 * historical units too).
 */
public record UnitFilter(Level level, String parentCode, String type, String query, LocalDate asOf) {}
