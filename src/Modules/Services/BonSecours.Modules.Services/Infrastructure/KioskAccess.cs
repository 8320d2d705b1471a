using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Security;
using BonSecours.Modules.Services.Domain;
using BonSecours.Modules.Services.Residents;
using Marten;

namespace BonSecours.Modules.Services.Infrastructure;

/// <summary>
/// Who may act for a resident at the kiosk: kiosk staff and administrators for everyone,
/// the resident for themselves, and the caregivers the resident consented to.
/// </summary>
internal sealed class KioskAccess(IRequestContext context)
{
    public bool IsKioskStaff => context.Role is Roles.KioskStaff or Roles.Administrator;

    /// <summary>The kind of person acting, recorded on orders and in integration messages.</summary>
    public string ActorKind => context.Role switch
    {
        Roles.Resident => "resident",
        Roles.Caregiver => "caregiver",
        _ => "staff",
    };

    /// <summary>Loads a resident's kiosk file: 404 when the resident does not live in this residence, 403 when the caller may not act for them.</summary>
    public async Task<ResidentServiceFile> LoadResidentForActionAsync(IQuerySession session, Guid residentId, CancellationToken cancellationToken)
    {
        var file = await session.LoadAsync<ResidentServiceFile>(residentId, cancellationToken);
        if (file is null || !file.LivesHere)
        {
            throw KioskRules.ResidentNotFound(residentId);
        }

        EnsureCanActFor(file);
        return file;
    }

    /// <summary>Checks the caller may act on an existing order, also once its resident has moved out.</summary>
    public async Task EnsureCanActForOrderAsync(IQuerySession session, ServiceOrder order, CancellationToken cancellationToken)
    {
        if (IsKioskStaff)
        {
            return;
        }

        var file = await session.LoadAsync<ResidentServiceFile>(order.ResidentId, cancellationToken);
        if (file is null)
        {
            throw KioskRules.CannotActFor();
        }

        EnsureCanActFor(file);
    }

    public void EnsureCanActFor(ResidentServiceFile file)
    {
        if (!CanActFor(file))
        {
            throw KioskRules.CannotActFor();
        }
    }

    public bool CanActFor(ResidentServiceFile file) =>
        IsKioskStaff || IsSelf(file.Id) || IsConsentedCaregiver(file);

    public bool IsSelf(Guid residentId) =>
        context.Role == Roles.Resident && context.PersonId == residentId.ToString();

    private bool IsConsentedCaregiver(ResidentServiceFile file) =>
        context.Role == Roles.Caregiver
        && Guid.TryParse(context.PersonId, out var caregiverId)
        && file.ConsentedCaregiverIds.Contains(caregiverId);
}
