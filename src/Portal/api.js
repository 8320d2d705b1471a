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

async function send(method, path, { body, rawBody, contentType, accept = "application/json", ifMatch, anonymous = false } = {}) {
  const headers = { "Accept": accept, "Accept-Language": "fr-FR" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (rawBody !== undefined) headers["Content-Type"] = contentType;
  if (ifMatch) headers["If-Match"] = ifMatch;
  const session = currentSession();
  if (!anonymous && session) headers["Authorization"] = `Bearer ${session.accessToken}`;

  let response;
  try {
    response = await fetch(base + path, { method, headers, body: rawBody ?? (body === undefined ? undefined : JSON.stringify(body)) });
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

// Sends binary content, such as a recorded voice message, with its media type.
export async function postBinary(path, blob, contentType) {
  const response = await send("POST", path, { rawBody: blob, contentType });
  return { data: await response.json() };
}

// Replaces binary content, such as an announcement's picture, with its media type.
export async function putBinary(path, blob, contentType) {
  const response = await send("PUT", path, { rawBody: blob, contentType });
  return { data: await response.json() };
}

// Downloads binary content with the token, for media elements that cannot send it themselves.
export async function getBlob(path) {
  const response = await send("GET", path, { accept: "*/*" });
  return response.blob();
}

// Opens a server-sent-event stream with the token, because EventSource cannot send headers.
export function openEventStream(path, signal) {
  const session = currentSession();
  return fetch(base + path, {
    headers: { "Accept": "text/event-stream", "Authorization": `Bearer ${session?.accessToken ?? ""}` },
    signal,
  });
}

// Reads the signed-in account's user id (the token's "sub" claim), which names staff in conversations.
export function currentUserId() {
  const token = currentSession()?.accessToken;
  if (!token) return null;
  try {
    const payload = token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
    return JSON.parse(atob(payload)).sub ?? null;
  } catch {
    return null;
  }
}

// Reads the French "detail" of an RFC 9457 problem response, with a fallback per status.
async function problemDetail(response) {
  try {
    const problem = await response.json();
    // A validation problem's detail only refers to its list of fields, so the field messages are shown instead.
    if (problem.errors) return Object.values(problem.errors).flat().join(" ");
    if (problem.detail) return problem.detail;
    if (problem.title) return problem.title;
  } catch {
    // The body was not JSON, so the fallback below applies.
  }
  if (response.status === 401) return sessionEndedNotice;
  if (response.status === 403) return "Vous n'avez pas accès à cette page.";
  return "Une erreur est survenue. Réessayez dans un moment.";
}

// Sends a POST with a JSON body ({} when none is given, which endpoints without a body ignore).
export async function postJson(path, body = {}, etag = undefined) {
  const response = await send("POST", path, { body, ifMatch: etag });
  const text = await response.text();
  return { data: text ? JSON.parse(text) : null, etag: response.headers.get("ETag") };
}

export async function deleteJson(path) {
  const response = await send("DELETE", path);
  const text = await response.text();
  return { data: text ? JSON.parse(text) : null };
}

// Sends a POST that the browser completes even while the page unloads (fetch keepalive), for
// a last request when the tab closes or reloads. The page is gone before the response, so errors are ignored.
export function postWhileLeaving(path) {
  const session = currentSession();
  if (!session) return;
  fetch(base + path, {
    method: "POST",
    keepalive: true,
    headers: { "Content-Type": "application/json", "Authorization": `Bearer ${session.accessToken}` },
    body: "{}",
  }).catch(() => {});
}
