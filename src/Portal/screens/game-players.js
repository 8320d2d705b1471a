// Names of the other player for the game list and the two boards.

// Returns the other player's display name, as the games API gives it.
export function otherPlayerName(game, session) {
  return (game.inviterId === session.personId ? game.opponentName : game.inviterName) || "Votre partenaire de jeu";
}

// Ends a sentence with a full stop, unless it ends with a name's initial such as « Lucas D. ».
export function sentence(text) {
  return text.endsWith(".") ? text : `${text}.`;
}
