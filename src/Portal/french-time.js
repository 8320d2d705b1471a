// Dates and durations written out in French words, for easy reading.
const weekdays = ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"];
const months = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
  "septembre", "octobre", "novembre", "décembre"];

// Reads a Paris local time from the API ("2027-03-15T14:30" or "2027-03-15T14:30:00").
function parseLocal(text) {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(text ?? "");
  if (!match) return null;
  const [, year, month, day, hour, minute] = match.map(Number);
  return { year, month, day, hour, minute };
}

// "mardi 15 mars", from the parts of a Paris local date.
function dayInWords({ year, month, day }) {
  const weekday = weekdays[new Date(Date.UTC(year, month - 1, day)).getUTCDay()];
  return `${weekday} ${day === 1 ? "1er" : day} ${months[month - 1]}`;
}

function hourInWords({ hour, minute }) {
  return minute === 0 ? `${hour} h` : `${hour} h ${String(minute).padStart(2, "0")}`;
}

// "mardi 15 mars à 14 h 30", from a Paris local time of the API.
export function localDateTimeInWords(text) {
  const parts = parseLocal(text);
  return parts ? `${dayInWords(parts)} à ${hourInWords(parts)}` : text;
}

// "14 h 30", from a Paris local time of the API.
export function localHourInWords(text) {
  const parts = parseLocal(text);
  return parts ? hourInWords(parts) : text;
}

// Formats an instant (ISO text with offset) as Paris local words, "mardi 15 mars à 14 h 30".
export function instantInWords(iso) {
  const formatter = new Intl.DateTimeFormat("fr-FR", {
    timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23",
  });
  const parts = Object.fromEntries(formatter.formatToParts(new Date(iso)).map((part) => [part.type, part.value]));
  return localDateTimeInWords(`${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`);
}

// "2 minutes et 5 secondes", for the time since a call was raised.
export function durationInWords(totalSeconds) {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  const unit = (count, singular, plural) => `${count} ${count > 1 ? plural : singular}`;
  if (seconds < 60) return unit(seconds, "seconde", "secondes");
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) {
    const rest = seconds % 60;
    return rest === 0 ? unit(minutes, "minute", "minutes") : `${unit(minutes, "minute", "minutes")} et ${unit(rest, "seconde", "secondes")}`;
  }
  const hours = Math.floor(minutes / 60);
  const restMinutes = minutes % 60;
  return restMinutes === 0 ? unit(hours, "heure", "heures") : `${unit(hours, "heure", "heures")} et ${unit(restMinutes, "minute", "minutes")}`;
}
