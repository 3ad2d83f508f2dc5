-- The module's inactivity period before emeritus (R14), from ModuleAdded and ModuleInactivityPeriodChanged.
-- Null for a module copied before this column existed, until its next ModuleInactivityPeriodChanged.
ALTER TABLE roster_module ADD COLUMN inactivity_period_days INTEGER;
