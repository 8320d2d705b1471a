using BonSecours.Modules.Residents.Domain;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace BonSecours.Modules.Residents.Projections;

internal sealed record LinkedCaregiver(Guid CaregiverId, CaregiverKind Kind, ConsentMethod ConsentMethod, DateTimeOffset ConsentGivenAt);

/// <summary>What the portal and staff read about a resident, updated in the same transaction as the events.</summary>
internal sealed class ResidentProfile
{
    public Guid Id { get; set; }

    public long Version { get; set; }

    public ResidentCategory Category { get; set; }

    public ResidencyStatus Status { get; set; }

    public string? TenancyReference { get; set; }

    public Guid? FlatId { get; set; }

    public string? FlatNumber { get; set; }

    public int? Floor { get; set; }

    public Guid? HouseholdId { get; set; }

    public DateOnly? MoveInDate { get; set; }

    public DateOnly? MoveOutDate { get; set; }

    public AccessibilityPreferences Preferences { get; set; } = AccessibilityPreferences.Default;

    public string? LentTabletSerial { get; set; }

    public DateOnly? TabletLentOn { get; set; }

    public List<LinkedCaregiver> Caregivers { get; set; } = [];

    public DateTimeOffset LastChangedAt { get; set; }
}

internal sealed class ResidentProfileProjection : SingleStreamProjection<ResidentProfile, Guid>
{
    public static ResidentProfile Create(IEvent<ResidentRegistered> registered) => new()
    {
        Id = registered.Data.ResidentId,
        Category = registered.Data.Category,
        Status = ResidencyStatus.Registered,
        TenancyReference = registered.Data.TenancyReference,
        LastChangedAt = registered.Timestamp,
    };

    public void Apply(IEvent<ResidentMovedIn> movedIn, ResidentProfile profile)
    {
        profile.Status = ResidencyStatus.Living;
        profile.FlatId = movedIn.Data.FlatId;
        profile.FlatNumber = movedIn.Data.FlatNumber;
        profile.Floor = movedIn.Data.Floor;
        profile.HouseholdId = movedIn.Data.HouseholdId;
        profile.MoveInDate = movedIn.Data.MoveInDate;
        profile.MoveOutDate = null;
        profile.LastChangedAt = movedIn.Timestamp;
    }

    public void Apply(IEvent<ResidentMovedOut> movedOut, ResidentProfile profile)
    {
        profile.Status = ResidencyStatus.MovedOut;
        profile.MoveOutDate = movedOut.Data.MoveOutDate;
        profile.LastChangedAt = movedOut.Timestamp;
    }

    public void Apply(ResidentCategoryChanged changed, ResidentProfile profile) => profile.Category = changed.Category;

    public void Apply(AccessibilityPreferencesChanged changed, ResidentProfile profile) =>
        profile.Preferences = new AccessibilityPreferences(changed.TextSize, changed.HighContrast, changed.EasyRead, changed.ReadAloud);

    public void Apply(TabletLent lent, ResidentProfile profile)
    {
        profile.LentTabletSerial = lent.SerialNumber;
        profile.TabletLentOn = lent.LentOn;
    }

    public void Apply(TabletReturned _, ResidentProfile profile)
    {
        profile.LentTabletSerial = null;
        profile.TabletLentOn = null;
    }

    public void Apply(ConsentGiven given, ResidentProfile profile)
    {
        profile.Caregivers.RemoveAll(caregiver => caregiver.CaregiverId == given.CaregiverId);
        profile.Caregivers.Add(new LinkedCaregiver(given.CaregiverId, given.Kind, given.Method, given.GivenAt));
    }

    public void Apply(CaregiverUnlinked unlinked, ResidentProfile profile) =>
        profile.Caregivers.RemoveAll(caregiver => caregiver.CaregiverId == unlinked.CaregiverId);
}
