using BonSecours.BuildingBlocks.Domain;

namespace BonSecours.BuildingBlocks.Http;

/// <summary>The generic French and English titles of the problem responses the API returns.</summary>
public static class ProblemTitles
{
    public static readonly LocalizedText Validation = new("La demande contient des données invalides.", "The request contains invalid data.");
    public static readonly LocalizedText NotFound = new("Élément introuvable.", "Resource not found.");
    public static readonly LocalizedText Conflict = new("La demande est en conflit avec l'état actuel.", "The request conflicts with the current state.");
    public static readonly LocalizedText RuleViolated = new("La demande ne respecte pas une règle de gestion.", "The request breaks a business rule.");
    public static readonly LocalizedText Forbidden = new("Accès refusé.", "Access denied.");
    public static readonly LocalizedText Unauthorized = new("Authentification requise.", "Authentication required.");
    public static readonly LocalizedText PreconditionFailed = new("La ressource a changé depuis votre dernière lecture.", "The resource changed since you last read it.");
    public static readonly LocalizedText PreconditionRequired = new("L'en-tête If-Match est invalide.", "The If-Match header is invalid.");
    public static readonly LocalizedText BadRequest = new("Requête mal formée.", "Malformed request.");
    public static readonly LocalizedText TooManyRequests = new("Trop de demandes.", "Too many requests.");
    public static readonly LocalizedText ServerError = new("Une erreur inattendue s'est produite. Réessayez plus tard.", "An unexpected error occurred. Try again later.");

    public static readonly LocalizedText StaleVersionDetail = new(
        "Quelqu'un a modifié cette fiche entre-temps. Rechargez-la puis recommencez.",
        "Someone changed this record in the meantime. Reload it and try again.");

    public static readonly LocalizedText AlreadyExistsDetail = new(
        "Cet élément existe déjà.",
        "This resource already exists.");

    public static readonly LocalizedText MalformedBodyDetail = new(
        "Le corps de la requête n'est pas un JSON valide ou un champ a un type inattendu.",
        "The request body is not valid JSON or a field has an unexpected type.");
}
