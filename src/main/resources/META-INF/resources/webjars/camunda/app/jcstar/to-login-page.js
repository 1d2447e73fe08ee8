/*
 * JC-STAR lab: Tasklist, Cockpit, Admin and Welcome have no login of their own here. After their "Log out" (which
 * ends the session: SecurityConfig's logout URLs), or whenever they would route to Camunda's closed login form
 * (#/login), the browser goes to the app's login page instead. Loaded through customScripts in each app's
 * scripts/config.js (a copy of Camunda 7.24's with that one line added).
 */
const CAMUNDA_LOGIN_ROUTE = /^#!?\/login(\b|$)/;

function toTheAppsLoginPage() {
  if (CAMUNDA_LOGIN_ROUTE.test(window.location.hash)) {
    window.location.replace('/login?logout');
  }
}

window.addEventListener('hashchange', toTheAppsLoginPage);
toTheAppsLoginPage();
