using BonSecours.BuildingBlocks.Domain;

namespace BonSecours.Modules.Residents.Domain;

internal enum ResidencyStatus
{
    Registered,
    Living,
    MovedOut,
}

/// <summary>
/// A resident's event-sourced state. Each decision method checks the rules against the
/// current state and returns the events to append; it never changes the state itself.
/// </summary>
internal sealed class Resident
{
    public Guid Id { get; set; }

    public long Version { get; set; }

    public ResidentCategory Category { get; set; }

    public ResidencyStatus Status { get; set; }

    public Guid? FlatId { get; set; }

    public Guid? HouseholdId { get; set; }

    public DateOnly? MoveInDate { get; set; }

    public AccessibilityPreferences Preferences { get; set; } = AccessibilityPreferences.Default;

    public string? LentTabletSerial { get; set; }

    public Dictionary<Guid, CaregiverKind> LinkedCaregivers { get; set; } = [];

    public static ResidentRegistered Register(Guid residentId, ResidentCategory category, string? tenancyReference) =>
        new(residentId, category, tenancyReference);

    public ResidentMovedIn MoveIn(Guid flatId, string flatNumber, int floor, Guid householdId, DateOnly date)
    {
        if (Status == ResidencyStatus.Living)
        {
            throw ResidentRules.AlreadyLivingInAFlat();
        }

        return new ResidentMovedIn(flatId, flatNumber, floor, householdId, date);
    }

    public ResidentMovedOut MoveOut(DateOnly date)
    {
        if (Status != ResidencyStatus.Living || FlatId is null || HouseholdId is null || MoveInDate is null)
        {
            throw ResidentRules.NotLivingInAFlat();
        }

        if (date < MoveInDate)
        {
            throw ResidentRules.MoveOutBeforeMoveIn(MoveInDate.Value);
        }

        return new ResidentMovedOut(FlatId.Value, HouseholdId.Value, date);
    }

    /// <summary>Returns no event when nothing changes, so repeating a request is harmless.</summary>
    public IReadOnlyList<object> ChangePreferences(AccessibilityPreferences preferences) =>
        preferences == Preferences
            ? []
            : [new AccessibilityPreferencesChanged(preferences.TextSize, preferences.HighContrast, preferences.EasyRead, preferences.ReadAloud)];

    public IReadOnlyList<object> ChangeCategory(ResidentCategory category) =>
        category == Category ? [] : [new ResidentCategoryChanged(category)];

    public TabletLent LendTablet(string serialNumber, DateOnly date)
    {
        if (LentTabletSerial is not null)
        {
            throw ResidentRules.TabletAlreadyLent(LentTabletSerial);
        }

        if (Status == ResidencyStatus.MovedOut)
        {
            throw ResidentRules.ResidentMovedOut();
        }

        return new TabletLent(serialNumber, date);
    }

    public TabletReturned ReturnTablet(DateOnly date) =>
        LentTabletSerial is { } serial ? new TabletReturned(serial, date) : throw ResidentRules.NoTabletLent();

    /// <summary>Starts pairing the lent tablet; the resident must live here and hold a tablet.</summary>
    public TabletPairingStarted StartTabletPairing(DateTimeOffset codeExpiresAt)
    {
        if (Status == ResidencyStatus.MovedOut)
        {
            throw ResidentRules.ResidentMovedOut();
        }

        return LentTabletSerial is { } serial
            ? new TabletPairingStarted(serial, codeExpiresAt)
            : throw ResidentRules.NoTabletLent();
    }

    /// <summary>Tells whether the tablet with this serial number is still lent to a resident who lives here.</summary>
    public bool CanSignInWithTablet(string serialNumber) =>
        Status != ResidencyStatus.MovedOut && LentTabletSerial == serialNumber;

    /// <summary>
    /// Records the resident's consent and links the caregiver. A caregiver can only be
    /// linked this way, so no link exists without a recorded consent.
    /// </summary>
    public IReadOnlyList<object> LinkCaregiverWithConsent(Guid caregiverId, CaregiverKind kind, ConsentMethod method, DateTimeOffset givenAt)
    {
        if (LinkedCaregivers.ContainsKey(caregiverId))
        {
            return [];
        }

        if (Status == ResidencyStatus.MovedOut)
        {
            throw ResidentRules.ResidentMovedOut();
        }

        return [new ConsentGiven(caregiverId, kind, method, givenAt), new CaregiverLinked(caregiverId, kind)];
    }

    public IReadOnlyList<object> WithdrawConsent(Guid caregiverId, DateTimeOffset withdrawnAt) =>
        LinkedCaregivers.ContainsKey(caregiverId)
            ? [new ConsentWithdrawn(caregiverId, withdrawnAt), new CaregiverUnlinked(caregiverId)]
            : throw ResidentRules.CaregiverNotLinked();

    public void Apply(ResidentRegistered registered)
    {
        Id = registered.ResidentId;
        Category = registered.Category;
        Status = ResidencyStatus.Registered;
    }

    public void Apply(ResidentMovedIn movedIn)
    {
        Status = ResidencyStatus.Living;
        FlatId = movedIn.FlatId;
        HouseholdId = movedIn.HouseholdId;
        MoveInDate = movedIn.MoveInDate;
    }

    public void Apply(ResidentMovedOut _)
    {
        Status = ResidencyStatus.MovedOut;
        FlatId = null;
        HouseholdId = null;
    }

    public void Apply(ResidentCategoryChanged changed) => Category = changed.Category;

    public void Apply(AccessibilityPreferencesChanged changed) =>
        Preferences = new AccessibilityPreferences(changed.TextSize, changed.HighContrast, changed.EasyRead, changed.ReadAloud);

    public void Apply(TabletLent lent) => LentTabletSerial = lent.SerialNumber;

    public void Apply(TabletReturned _) => LentTabletSerial = null;

    public void Apply(CaregiverLinked linked) => LinkedCaregivers[linked.CaregiverId] = linked.Kind;

    public void Apply(CaregiverUnlinked unlinked) => LinkedCaregivers.Remove(unlinked.CaregiverId);
}
