export const HELP: Record<string, string> = {
  main: `escale — international economic missions, from profiles to impact

Usage: escale COMMAND [options]

Commands:
  start                 migrate, load the demo on first start, and serve
  serve                 serve the web app and the API
  migrate               apply database migrations
  demo                  load the demo missions
  mission create        create a mission
  mission list          list missions
  import FILE           import participants from CSV or XLSX
  export                export participants
  user add              add a user
  recommend             recommended counterparts of an organization, with reasons
  agenda                agendas as ICS, PDF or JSON: a person, a table sheet, or everyone
  digest                send the daily digest of meeting notifications
  surveys               send the outcome surveys that are due, and reminders (run it daily)
  report                the impact report of a mission: PDF for officials, XLSX, or JSON
  solve FILE            compute a meeting schedule from a .dzn or .json problem

Environment: DATABASE_URL (postgres://… or a SQLite file; default data/escale.db), PORT (3000), HOST, SMTP_URL, PUBLIC_URL.
Run escale COMMAND --help for a command's options.`,
  start:
    'Usage: escale start\n  Applies migrations, loads the demo when the database has no demo yet, and serves.',
  serve: 'Usage: escale serve\n  Serves the web app and the API on HOST:PORT.',
  migrate: 'Usage: escale migrate\n  Applies pending migrations to DATABASE_URL.',
  demo: 'Usage: escale demo\n  Loads the fictional Aix-Marseille-Provence ↔ Miami-Dade missions (once).',
  'mission create': `Usage: escale mission create --slug SLUG --title TITLE --origin TERRITORY --host TERRITORY
                             --timezone TZ --start YYYY-MM-DD --end YYYY-MM-DD [--currency EUR]`,
  'mission list':
    'Usage: escale mission list [--json]\n  Slug, title, timezone, dates and head counts of every mission.',
  import: `Usage: escale import FILE --mission SLUG [--dry-run]
  Columns: side,organization,kind,country,city,website,sectors,description,offers,requests,
           first_name,last_name,email,title,language (French headers accepted).
  A file with bad rows is refused whole and every bad row is listed.`,
  export:
    'Usage: escale export --mission SLUG [--format csv|xlsx] [--out FILE]\n  Writes the import columns, one row per person.',
  solve: `Usage: escale solve FILE [--fairness D] [--time-limit SECONDS] [--seed N] [--keep PREVIOUS.json]
  FILE is the benchmark's MiniZinc .dzn data or Escale's JSON problem format (src/scheduler/SCHEDULER.md).
  Prints {"status","objective","lowerBound","meetings","slots","tables","unscheduled","seconds"}, 1-based;
  an "infeasible" status comes with "infeasibleBecause", what proves that not every meeting fits.
  --keep takes an earlier output and keeps each meeting's slot and table where it can.
  --seed sets the search's random choices (the annealing's and an exact search's order): a file
  left open at the time limit may close with another seed.
  Defaults: fairness 2, time limit 60 s, seed 1.`,
  'user add': `Usage: escale user add --email EMAIL --name NAME [--password PASSWORD] [--admin] [--mission SLUG --role ROLE]
  The password may come from ESCALE_PASSWORD instead; without one the user signs in with e-mailed links.
  ROLE is organizer, participant or official.`,
  recommend: `Usage: escale recommend --mission SLUG --organization NAME [--limit N] [--same-side] [--json]
  Best counterparts first, the other side of the mission (and its own side with --same-side);
  --json prints [{"organization", "score", "reasons": [...]}].`,
  agenda: `Usage: escale agenda --mission SLUG (--email EMAIL | --table NAME | --all) --format ics|pdf|json --out PATH [--lang fr|en]
  --email: one participant's agenda; --table: the sheet of one table for the venue (pdf or json, with
  check-in QR codes); --all: PATH is a folder that gets one file per participant.
  Times are those of the mission's timezone in PDF, UTC instants in ICS and JSON.`,
  digest:
    'Usage: escale digest\n  Sends each person who chose a daily digest one e-mail with their pending notifications (run it daily, from cron).',
  report: `Usage: escale report --mission SLUG --format pdf|xlsx|json|csv [--lang fr|en] --out FILE
  The JSON holds every figure of the dashboard: funnel, value and jobs (actual and projected,
  confirmed and declared), by sector, by side, by month, and the partnership's missions.`,
  surveys:
    'Usage: escale surveys\n  Sends every survey wave that is due (days after its mission ends) to each person with a held meeting,\n  and one reminder a week later to those who have not answered. Run it daily, from cron.',
};
