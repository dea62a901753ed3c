/**
 * Every collection of the cloud database, named once. database/indexes.json declares the same set
 * (with their indexes) and a unit test keeps the two equal; features import their names from here.
 */
export const USERS = 'users'
export const STREETS = 'streets'
export const COMMUNITY = 'community'
export const GRIDS = 'grids'
export const BUILDINGS = 'buildings'
export const SETTINGS = 'settings'
export const ORDERS = 'orders'
export const NOTICES = 'notices'
export const ACCOUNTS = 'points_accounts'
export const TRANSFERS = 'points_transfers'
export const RULES = 'points_rules'
export const GIFTS = 'gifts'
export const SLOTS = 'gift_slots'
export const HOLDS = 'gift_holds'
export const REDEMPTIONS = 'redemptions'
export const EVENTS = 'events'
export const REGISTRATIONS = 'event_regs'
export const SEATS = 'event_seats'
export const EVENT_NOTICES = 'event_notices'
export const ADJUSTMENTS = 'points_adjustments'
export const ADJUST_QUOTA = 'points_adjust_quota'
export const CODE_TRIES = 'event_code_tries'
export const WALKINS = 'event_walkins'
export const AUDIT = 'audit_log'
export const MIGRATIONS = 'migrations'
/** KPIs: counters per community and China day / month (kept by a timer), the timer's progress, frozen 报送版 reports. */
export const KPI_DAYS = 'kpi_days'
export const KPI_MONTHS = 'kpi_months'
export const KPI_STATE = 'kpi_state'
export const KPI_REPORTS = 'kpi_reports'
/** 议事协商: series on fixed days; each community's holiday table per year (`<communityId>:<year>`). */
export const COUNCIL_SERIES = 'council_series'
export const COUNCIL_HOLIDAYS = 'council_holidays'
/** 议题; one document per household and topic supported (`<topicId>-<household hash>`); a household's supports used per session (`<sessionId>-<household hash>`); per community: its registered households, counted by the timer. */
export const COUNCIL_TOPICS = 'council_topics'
export const COUNCIL_SUPPORTS = 'council_supports'
export const COUNCIL_SUPPORT_COUNTS = 'council_support_counts'
export const COUNCIL_STATE = 'council_state'
/** The committee's evaluations; "this household voted" (`<evaluationId>-<household hash>`) and the ballots (random ids, a choice and nothing else), apart. */
export const COUNCIL_EVALUATIONS = 'council_evaluations'
export const COUNCIL_VOTED = 'council_voted'
/** "This person voted" (`<evaluationId>-<person hash>`), beside the household's record: one vote per person even after a change of room. */
export const COUNCIL_VOTERS = 'council_voters'
export const COUNCIL_BALLOTS = 'council_ballots'
/** The 选题委员会 of a community (`<communityId>`) and each session's agenda (`<sessionId>`, written once). */
export const COUNCIL_COMMITTEE = 'council_committee'
export const COUNCIL_AGENDAS = 'council_agendas'
/** Minutes of a session (`<sessionId>`), objections to published minutes (`<sessionId>-<person hash>`), feedback notices to raisers and supporters, and the 楼栋长's tasks to tell a neighbour in person. */
export const COUNCIL_MINUTES = 'council_minutes'
export const COUNCIL_OBJECTIONS = 'council_objections'
export const COUNCIL_NOTICES = 'council_notices'
export const COUNCIL_TELLS = 'council_tells'
/** Re-elections of the committee (their ballots and "voted" records share the evaluation's collections, under the election's id), and each evaluation's paper totals (`<evaluationId>`, entered twice). */
export const COUNCIL_ELECTIONS = 'council_elections'
export const COUNCIL_PAPER = 'council_paper'
/** 矛盾调解: the cases (never listed publicly), notices to their parties and mediators, the community's roster of professional mediators. */
export const DISPUTES = 'disputes'
export const DISPUTE_NOTICES = 'dispute_notices'
export const DISPUTE_MEDIATORS = 'dispute_mediators'
/** Each person's reports of a China day (`<openid>.<day>`): the daily limit (core/disputes/limits.ts). */
export const DISPUTE_REPORTERS = 'dispute_reporters'
/** 微心愿: wishes (what donors may see); each wish's beneficiary as staff alone see them (`<wishId>`); claims (`<wishId>-<donor openid>`); each donor's open claims (`<openid>`). */
export const WISHES = 'wishes'
export const WISH_REFS = 'wish_refs'
export const WISH_CLAIMS = 'wish_claims'
export const WISH_DONORS = 'wish_donors'
