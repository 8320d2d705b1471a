// Client of the BonSecours REST API. The session (token and account) lives in sessionStorage,
// so it ends when the browser tab closes.
const sessionKey = "bonsecours.session";
const noticeKey = "bonsecours.notice";
const base = "/api/v1";

export class ApiProblem extends Error {
  constructor(status, detail) {
    super(detail);
    this.status = status;
  }
}

export function currentSession() {
  const stored = sessionStorage.getItem(sessionKey);
  return stored ? JSON.parse(stored) : null;
}

export function endSession() {
  sessionStorage.removeItem(sessionKey);
}

export const sessionEndedNotice = "Votre session est terminée. Connectez-vous de nouveau.";

// Ends the session because its token expired, and keeps the reason for the sign-in screen.
export function expireSession() {
  endSession();
  sessionStorage.setItem(noticeKey, sessionEndedNotice);
}

// Returns, once, the reason the last session ended (shown on the sign-in screen).
export function takeNotice() {
  const notice = sessionStorage.getItem(noticeKey);
  sessionStorage.removeItem(noticeKey);
  return notice;
}

export async function signIn(username, password) {
  const response = await send("POST", "/auth/token", { body: { username, password }, anonymous: true });
  const account = await response.json();
  sessionStorage.setItem(sessionKey, JSON.stringify(account));
  return account;
}

export async function getJson(path) {
  const response = await send("GET", path);
  return { data: await response.json(), etag: response.headers.get("ETag") };
}

export async function putJson(path, body, etag) {
  const response = await send("PUT", path, { body, ifMatch: etag });
  return { data: await response.json(), etag: response.headers.get("ETag") };
}

async function send(method, path, { body, ifMatch, anonymous = false } = {}) {
  const headers = { "Accept": "application/json", "Accept-Language": "fr-FR" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (ifMatch) headers["If-Match"] = ifMatch;
  const session = currentSession();
  if (!anonymous && session) headers["Authorization"] = `Bearer ${session.accessToken}`;

  let response;
  try {
    response = await fetch(base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiProblem(0, "Le serveur ne répond pas. Vérifiez la connexion à Internet, puis réessayez.");
  }

  if (!response.ok) {
    const problem = new ApiProblem(response.status, await problemDetail(response));
    if (response.status === 401 && !anonymous) {
      // The token expired or was rejected, so the person must sign in again.
      expireSession();
      location.hash = "#/connexion";
    }
    throw problem;
  }
  return response;
}

// Reads the French "detail" of an RFC 9457 problem response, with a fallback per status.
async function problemDetail(response) {
  try {
    const problem = await response.json();
    if (problem.detail) return problem.detail;
    if (problem.errors) return Object.values(problem.errors).flat().join(" ");
    if (problem.title) return problem.title;
  } catch {
    // The body was not JSON, so the fallback below applies.
  }
  if (response.status === 401) return sessionEndedNotice;
  if (response.status === 403) return "Vous n'avez pas accès à cette page.";
  return "Une erreur est survenue. Réessayez dans un moment.";
}

// Sends a POST. Without a body the request has no content at all, which the API reads as an empty body.
export async function postJson(path, body, etag) {
  const response = await send("POST", path, { body, ifMatch: etag });
  const text = await response.text();
  return { data: text ? JSON.parse(text) : null, etag: response.headers.get("ETag") };
}
