using BonSecours.BuildingBlocks.Domain;

namespace BonSecours.Modules.CommunityLife.Domain.Agenda;

/// <summary>The agenda's rule failures, in easy-to-read French and in English.</summary>
internal static class AgendaRules
{
    public static NotFoundException ActivityNotFound(Guid activityId) => new("activity.not-found", new LocalizedText(
        $"L'activité {activityId} n'existe pas dans cette résidence.",
        $"Activity {activityId} does not exist in this residence."));

    public static NotFoundException OccurrenceNotFound(Guid activityId, DateTime occurrenceStart) => new("activity.occurrence-not-found", new LocalizedText(
        $"Il n'y a pas de séance le {AgendaTime.Key(occurrenceStart)} pour cette activité.",
        $"Activity {activityId} has no occurrence starting at {AgendaTime.Key(occurrenceStart)}."));

    public static DomainRuleException ActivityWithdrawn(Guid activityId) => new("activity.withdrawn", new LocalizedText(
        "Cette activité est annulée.",
        $"Activity {activityId} was withdrawn."));

    public static DomainRuleException NotRegistered(Guid residentId) => new("activity.not-registered", new LocalizedText(
        $"Le résident {residentId} n'est pas inscrit à cette séance.",
        $"Resident {residentId} is not registered for this occurrence."));

    public static DomainRuleException OccurrencePast() => new("activity.occurrence-past", new LocalizedText(
        "Cette séance est passée. L'inscription n'est plus possible.",
        "This occurrence has already started, so registrations are closed."));

    public static NotFoundException ResidentNotFound(Guid residentId) => new("resident.not-found", new LocalizedText(
        $"Le résident {residentId} n'habite pas dans cette résidence.",
        $"Resident {residentId} does not live in this residence."));

    public static AccessDeniedException NotYourRegistration() => new("activity.registration-denied", new LocalizedText(
        "Vous pouvez seulement inscrire ou désinscrire vous-même.",
        "Residents may only register or cancel for themselves."));
}
