namespace BonSecours.Modules.CareFollowUp.Alerts;

/// <summary>
/// Something staff must learn of at once, such as a priority call. It carries no name and
/// no health detail, because push notifications show on locked screens.
/// </summary>
/// <param name="UserIds">The staff members to reach, by user id.</param>
/// <param name="PersonIds">The caregivers (or residents) to reach, by person id.</param>
/// <param name="Roles">Whole roles to reach, used when the rota names nobody.</param>
/// <param name="Kind">Event name for clients, such as <c>priority-call-raised</c>.</param>
/// <param name="Tag">Groups alerts about one thing (a call id), so a newer one replaces the older on a device.</param>
internal sealed record StaffAlert(
    string Residence,
    IReadOnlyList<string> UserIds,
    IReadOnlyList<Guid> PersonIds,
    IReadOnlyList<string> Roles,
    string Kind,
    string Title,
    string Body,
    string Url,
    string Tag,
    object Payload);

/// <summary>A way to reach staff: the portal's live stream, Web Push, and later others.</summary>
internal interface IStaffAlertChannel
{
    Task SendAsync(StaffAlert alert, CancellationToken cancellationToken);
}
