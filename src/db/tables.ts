/** Row types of every table; booleans are stored as 0/1 and timestamps as ISO strings on both dialects. */
export interface Database {
  sectors: { code: string; name_fr: string; name_en: string; position: number };
  territories: {
    id: string;
    name: string;
    country: string;
    timezone: string;
    pitch_fr: string;
    pitch_en: string;
  };
  territory_facts: {
    id: string;
    territory_id: string;
    sector_code: string | null;
    value: string;
    label_fr: string;
    label_en: string;
    position: number;
  };
  partnerships: {
    id: string;
    territory_a_id: string;
    territory_b_id: string;
    signed_on: string | null;
    name: string;
  };
  missions: {
    id: string;
    slug: string;
    title: string;
    partnership_id: string | null;
    origin_territory_id: string;
    host_territory_id: string;
    timezone: string;
    starts_on: string;
    ends_on: string;
    reporting_currency: string;
    summary_fr: string;
    summary_en: string;
    /** Bumped by every write that changes the mission's directory, so cached search indexes know they are stale. */
    directory_version: number;
    /** JSON: the organizer's weights of the recommendation signals (partial MatchWeights). */
    matching_weights: string;
    request_expiry_hours: number;
    max_pending_requests: number;
    created_at: string;
  };
  mission_sectors: { mission_id: string; sector_code: string; position: number };
  organizations: {
    id: string;
    name: string;
    name_key: string;
    kind: string;
    country: string;
    city: string;
    website: string;
    description: string;
    description_language: string;
    search_text: string;
    /** JSON array of ISO country codes the organization wants to work with. */
    target_countries: string;
    created_at: string;
    updated_at: string;
  };
  organization_sectors: { organization_id: string; sector_code: string };
  opportunities: {
    id: string;
    organization_id: string;
    kind: string;
    text: string;
    language: string;
    position: number;
  };
  people: {
    id: string;
    organization_id: string;
    first_name: string;
    last_name: string;
    email: string;
    title: string;
    language: string;
    search_text: string;
    /** immediate, daily (one digest a day) or off. */
    notification_mode: string;
    created_at: string;
    updated_at: string;
  };
  registrations: {
    id: string;
    mission_id: string;
    person_id: string;
    organization_id: string;
    side: string;
    presence_days: string;
    created_at: string;
  };
  programme_items: {
    id: string;
    mission_id: string;
    kind: string;
    title_fr: string;
    title_en: string;
    sector_code: string | null;
    starts_at: string;
    ends_at: string;
    venue: string;
    capacity: number | null;
  };
  programme_signups: { programme_item_id: string; person_id: string; created_at: string };
  users: {
    id: string;
    email: string;
    display_name: string;
    password_hash: string | null;
    person_id: string | null;
    is_admin: number;
    created_at: string;
  };
  mission_roles: { user_id: string; mission_id: string; role: string; created_at: string };
  sessions: { id: string; user_id: string; created_at: string; expires_at: string };
  api_tokens: {
    id: string;
    user_id: string;
    name: string;
    token_hash: string;
    created_at: string;
    last_used_at: string | null;
  };
  sign_in_links: { token_hash: string; user_id: string; expires_at: string; used_at: string | null };
  outbox: {
    id: string;
    recipient: string;
    subject: string;
    body: string;
    created_at: string;
    sent_at: string | null;
  };
  audit_log: {
    id: string;
    at: string;
    user_id: string | null;
    mission_id: string | null;
    entity: string;
    entity_id: string;
    action: string;
    changes: string;
  };
  b2b_sessions: {
    id: string;
    mission_id: string;
    title: string;
    slot_minutes: number;
    fairness: number;
    created_at: string;
  };
  /** Local times HH:MM in the mission's timezone; breaks a JSON array of [start, end] pairs. */
  b2b_session_days: { session_id: string; day: string; starts_at: string; ends_at: string; breaks: string };
  b2b_tables: {
    id: string;
    session_id: string;
    name: string;
    position: number;
    owner_person_id: string | null;
  };
  unavailabilities: {
    id: string;
    mission_id: string;
    person_id: string;
    starts_at: string;
    ends_at: string;
    created_at: string;
  };
  blocks: { mission_id: string; person_id: string; blocked_person_id: string; created_at: string };
  meetings: {
    id: string;
    mission_id: string;
    session_id: string;
    status: string;
    must_meet: number;
    slot_index: number | null;
    table_id: string | null;
    starts_at: string | null;
    ends_at: string | null;
    /** The calendar SEQUENCE: bumped by every change a participant's calendar must see. */
    sequence: number;
    unscheduled_reason: string | null;
    /** Printed as a QR code on the table sheet; it opens the meeting's check-in page. */
    check_in_code: string;
    created_by: string | null;
    created_at: string;
    updated_at: string;
  };
  meeting_participants: { meeting_id: string; person_id: string; organization_id: string };
  meeting_requests: {
    id: string;
    mission_id: string;
    session_id: string;
    requester_person_id: string;
    recipient_person_id: string;
    message: string;
    status: string;
    decline_reason: string | null;
    meeting_id: string | null;
    expires_at: string;
    created_at: string;
    answered_at: string | null;
  };
  schedule_runs: {
    id: string;
    session_id: string;
    status: string;
    time_limit_seconds: number;
    /** JSON: the solver's result mapped to meeting ids, with the figures. */
    result: string | null;
    error: string | null;
    created_by: string | null;
    created_at: string;
    finished_at: string | null;
    published_at: string | null;
  };
  calendar_feeds: { mission_id: string; person_id: string; token_hash: string; created_at: string };
  notifications: {
    id: string;
    mission_id: string;
    person_id: string;
    kind: string;
    payload: string;
    created_at: string;
    sent_at: string | null;
  };
  /** Exchange rates recorded for a mission: 1 unit of `currency` is `rate` units of the reporting currency. */
  mission_rates: { mission_id: string; currency: string; rate: number; recorded_on: string };
  leads: {
    id: string;
    mission_id: string;
    owner_organization_id: string;
    owner_person_id: string | null;
    title: string;
    type: string;
    stage: string;
    abandon_reason: string | null;
    sector_code: string | null;
    side: string;
    amount: number | null;
    currency: string | null;
    jobs_projected: number | null;
    jobs_actual: number | null;
    next_action: string;
    next_action_due: string | null;
    /** Private to the lead's organizations and the organizers. */
    notes: string;
    evidence: string;
    evidence_note: string;
    counterfactual: string | null;
    signed_on: string | null;
    story: string;
    story_public: number;
    created_at: string;
    updated_at: string;
  };
  lead_organizations: { lead_id: string; organization_id: string };
  lead_meetings: { lead_id: string; meeting_id: string };
  lead_missions: { lead_id: string; mission_id: string };
  lead_history: {
    id: string;
    lead_id: string;
    at: string;
    user_id: string | null;
    source: string;
    changes: string;
  };
  survey_waves: {
    id: string;
    mission_id: string;
    offset_days: number;
    sent_at: string | null;
    created_at: string;
  };
  survey_invitations: {
    id: string;
    wave_id: string;
    person_id: string;
    token_hash: string;
    sent_at: string;
    reminded_at: string | null;
    answered_at: string | null;
  };
}
