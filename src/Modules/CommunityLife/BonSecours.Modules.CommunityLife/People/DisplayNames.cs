using System.Globalization;
using BonSecours.BuildingBlocks.Security;
using BonSecours.Modules.CommunityLife.Residents;
using Marten;

namespace BonSecours.Modules.CommunityLife.People;

/// <summary>
/// The names shown for residents, caregivers and staff in community payloads, loaded once per
/// request for every person the payload mentions. A person with no stored name (a database
/// older than the display-name messages, or staff who never wrote) gets a generic French label,
/// so a payload never carries an empty name.
/// </summary>
internal sealed class DisplayNames
{
    public const string UnknownResident = "Un résident";
    public const string UnknownCaregiver = "Un proche";
    public const string UnknownStaff = "L'équipe de la résidence";

    /// <summary>The comparer for lists sorted by name: French collation, ignoring case.</summary>
    public static readonly StringComparer FrenchOrder = StringComparer.Create(CultureInfo.GetCultureInfo("fr-FR"), CompareOptions.IgnoreCase);

    private readonly Dictionary<Guid, string> residents;
    private readonly Dictionary<Guid, string> caregivers;
    private readonly Dictionary<string, string> staff;

    private DisplayNames(Dictionary<Guid, string> residents, Dictionary<Guid, string> caregivers, Dictionary<string, string> staff)
    {
        this.residents = residents;
        this.caregivers = caregivers;
        this.staff = staff;
    }

    public static async Task<DisplayNames> LoadAsync(
        IQuerySession session, IEnumerable<Guid> residentIds, IEnumerable<Guid> caregiverIds, IEnumerable<string> staffIds, CancellationToken cancellationToken)
    {
        var residentFiles = await session.LoadManyAsync<ResidentCommunityFile>(cancellationToken, residentIds.Distinct());
        var caregiverFiles = await session.LoadManyAsync<CaregiverCommunityFile>(cancellationToken, caregiverIds.Distinct());
        var staffFiles = await session.LoadManyAsync<StaffCommunityFile>(cancellationToken, staffIds.Distinct());
        return new DisplayNames(
            residentFiles.Where(file => !string.IsNullOrEmpty(file.DisplayName)).ToDictionary(file => file.Id, file => file.DisplayName!),
            caregiverFiles.Where(file => file.DisplayName.Length > 0).ToDictionary(file => file.Id, CaregiverLabel),
            staffFiles.ToDictionary(file => file.Id, file => StaffLabel(file.Role, file.Name)));
    }

    public string Resident(Guid residentId) => residents.GetValueOrDefault(residentId) ?? UnknownResident;

    public string Resident(string residentId) => Guid.TryParse(residentId, out var id) ? Resident(id) : UnknownResident;

    public string Caregiver(string caregiverId) =>
        Guid.TryParse(caregiverId, out var id) ? caregivers.GetValueOrDefault(id) ?? UnknownCaregiver : UnknownCaregiver;

    public string Staff(string userId) => staff.GetValueOrDefault(userId) ?? UnknownStaff;

    /// <summary>Returns « Marie D. (proche) » for a relative and « Marc L. (référent) » for a professional.</summary>
    public static string CaregiverLabel(CaregiverCommunityFile file) =>
        file.Kind == "Referent" ? $"{file.DisplayName} (référent)" : $"{file.DisplayName} (proche)";

    /// <summary>Returns the French label of a staff role, followed by the person's name when the token gave one.</summary>
    public static string StaffLabel(string role, string? name)
    {
        var label = role switch
        {
            Roles.ActivityCoordinator => "L'animatrice",
            Roles.CareStaff => "L'équipe de soins",
            Roles.OnCall => "La personne d'astreinte",
            Roles.KioskStaff => "L'accueil de l'épicerie",
            Roles.ConnectedHomeAmbassador => "L'ambassadeur du numérique",
            Roles.Administrator => "La gestion de la résidence",
            _ => UnknownStaff,
        };
        return string.IsNullOrWhiteSpace(name) ? label : $"{label} ({name})";
    }
}
