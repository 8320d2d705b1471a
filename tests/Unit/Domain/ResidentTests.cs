using BonSecours.BuildingBlocks.Domain;
using BonSecours.Modules.Residents.Domain;
using Xunit;

namespace BonSecours.Tests.Unit.Domain;

public sealed class ResidentTests
{
    private static readonly Guid ResidentId = Guid.Parse("0193b6a0-0000-7000-8000-000000000001");
    private static readonly Guid FlatId = Guid.Parse("0193b6a0-0000-7000-8000-000000000002");
    private static readonly Guid HouseholdId = Guid.Parse("0193b6a0-0000-7000-8000-000000000003");
    private static readonly Guid CaregiverId = Guid.Parse("0193b6a0-0000-7000-8000-000000000004");
    private static readonly DateOnly MoveInDate = new(2025, 1, 10);
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static ResidentRegistered Registered => new(ResidentId, ResidentCategory.Senior, null);

    private static ResidentMovedIn MovedIn => new(FlatId, "A12", 1, HouseholdId, MoveInDate);

    [Fact]
    public void Register_gives_registered_event()
    {
        var registered = Resident.Register(ResidentId, ResidentCategory.Family, "BAIL-1");

        Assert.Equal(new ResidentRegistered(ResidentId, ResidentCategory.Family, "BAIL-1"), registered);
    }

    [Fact]
    public void Move_in_gives_moved_in()
    {
        var resident = Given.Events<Resident>(Registered);

        var movedIn = resident.MoveIn(FlatId, "A12", 1, HouseholdId, MoveInDate);

        Assert.Equal(MovedIn, movedIn);
    }

    [Fact]
    public void Move_in_twice_is_rejected()
    {
        var resident = Given.Events<Resident>(Registered, MovedIn);

        var error = Assert.Throws<DomainRuleException>(() => resident.MoveIn(FlatId, "A12", 1, HouseholdId, MoveInDate));

        Assert.Equal("resident.already-living-in-a-flat", error.Code);
    }

    [Fact]
    public void Move_in_after_move_out_is_allowed()
    {
        var resident = Given.Events<Resident>(Registered, MovedIn, new ResidentMovedOut(FlatId, HouseholdId, new DateOnly(2025, 6, 1)));

        var movedIn = resident.MoveIn(FlatId, "A12", 1, HouseholdId, new DateOnly(2025, 9, 1));

        Assert.Equal(new DateOnly(2025, 9, 1), movedIn.MoveInDate);
    }

    [Fact]
    public void Move_out_gives_moved_out()
    {
        var resident = Given.Events<Resident>(Registered, MovedIn);

        var movedOut = resident.MoveOut(MoveInDate);

        Assert.Equal(new ResidentMovedOut(FlatId, HouseholdId, MoveInDate), movedOut);
    }

    [Fact]
    public void Move_out_before_move_in_is_rejected()
    {
        var resident = Given.Events<Resident>(Registered, MovedIn);

        var error = Assert.Throws<DomainRuleException>(() => resident.MoveOut(MoveInDate.AddDays(-1)));

        Assert.Equal("resident.move-out-before-move-in", error.Code);
        Assert.Contains("10/01/2025", error.Detail.French);
        Assert.Contains("2025-01-10", error.Detail.English);
    }

    [Fact]
    public void Move_out_without_flat_is_rejected()
    {
        var resident = Given.Events<Resident>(Registered);

        var error = Assert.Throws<DomainRuleException>(() => resident.MoveOut(MoveInDate));

        Assert.Equal("resident.not-living-in-a-flat", error.Code);
    }

    [Fact]
    public void Move_out_twice_is_rejected()
    {
        var resident = Given.Events<Resident>(Registered, MovedIn, new ResidentMovedOut(FlatId, HouseholdId, new DateOnly(2025, 6, 1)));

        var error = Assert.Throws<DomainRuleException>(() => resident.MoveOut(new DateOnly(2025, 7, 1)));

        Assert.Equal("resident.not-living-in-a-flat", error.Code);
    }

    [Fact]
    public void Same_preferences_give_no_event()
    {
        var resident = Given.Events<Resident>(Registered, new AccessibilityPreferencesChanged(TextSize.Large, true, false, false));

        var events = resident.ChangePreferences(new AccessibilityPreferences(TextSize.Large, true, false, false));

        Assert.Empty(events);
    }

    [Fact]
    public void New_preferences_give_one_event()
    {
        var resident = Given.Events<Resident>(Registered);

        var events = resident.ChangePreferences(new AccessibilityPreferences(TextSize.ExtraLarge, false, true, true));

        Assert.Equal([new AccessibilityPreferencesChanged(TextSize.ExtraLarge, false, true, true)], events);
    }

    [Fact]
    public void Category_change_only_when_different()
    {
        var resident = Given.Events<Resident>(Registered);

        Assert.Empty(resident.ChangeCategory(ResidentCategory.Senior));
        Assert.Equal([new ResidentCategoryChanged(ResidentCategory.OtherTenant)], resident.ChangeCategory(ResidentCategory.OtherTenant));
    }

    [Fact]
    public void Tablet_lent_twice_is_conflict()
    {
        var resident = Given.Events<Resident>(Registered, new TabletLent("TAB-1", MoveInDate));

        var error = Assert.Throws<ConflictException>(() => resident.LendTablet("TAB-2", MoveInDate));

        Assert.Equal("resident.tablet-already-lent", error.Code);
        Assert.Contains("TAB-1", error.Detail.French);
    }

    [Fact]
    public void Tablet_to_moved_out_is_rejected()
    {
        var resident = Given.Events<Resident>(Registered, MovedIn, new ResidentMovedOut(FlatId, HouseholdId, new DateOnly(2025, 6, 1)));

        var error = Assert.Throws<DomainRuleException>(() => resident.LendTablet("TAB-1", new DateOnly(2025, 7, 1)));

        Assert.Equal("resident.moved-out", error.Code);
    }

    [Fact]
    public void Tablet_return_gives_serial()
    {
        var resident = Given.Events<Resident>(Registered, new TabletLent("TAB-1", MoveInDate));

        var returned = resident.ReturnTablet(new DateOnly(2025, 2, 1));

        Assert.Equal(new TabletReturned("TAB-1", new DateOnly(2025, 2, 1)), returned);
    }

    [Fact]
    public void Tablet_return_without_loan_is_rejected()
    {
        var resident = Given.Events<Resident>(Registered, new TabletLent("TAB-1", MoveInDate), new TabletReturned("TAB-1", MoveInDate));

        var error = Assert.Throws<DomainRuleException>(() => resident.ReturnTablet(MoveInDate));

        Assert.Equal("resident.no-tablet-lent", error.Code);
    }

    [Fact]
    public void Consent_links_caregiver()
    {
        var resident = Given.Events<Resident>(Registered);

        var events = resident.LinkCaregiverWithConsent(CaregiverId, CaregiverKind.Referent, ConsentMethod.SignedForm, Now);

        Assert.Equal<object>(
            [new ConsentGiven(CaregiverId, CaregiverKind.Referent, ConsentMethod.SignedForm, Now), new CaregiverLinked(CaregiverId, CaregiverKind.Referent)],
            events);
    }

    [Fact]
    public void Consent_twice_gives_no_event()
    {
        var resident = Given.Events<Resident>(Registered, new CaregiverLinked(CaregiverId, CaregiverKind.Caregiver));

        var events = resident.LinkCaregiverWithConsent(CaregiverId, CaregiverKind.Caregiver, ConsentMethod.InPerson, Now);

        Assert.Empty(events);
    }

    [Fact]
    public void Consent_after_move_out_is_rejected()
    {
        var resident = Given.Events<Resident>(Registered, MovedIn, new ResidentMovedOut(FlatId, HouseholdId, new DateOnly(2025, 6, 1)));

        var error = Assert.Throws<DomainRuleException>(() => resident.LinkCaregiverWithConsent(CaregiverId, CaregiverKind.Caregiver, ConsentMethod.InPerson, Now));

        Assert.Equal("resident.moved-out", error.Code);
    }

    [Fact]
    public void Withdrawal_unlinks_caregiver()
    {
        var resident = Given.Events<Resident>(Registered, new CaregiverLinked(CaregiverId, CaregiverKind.Caregiver));

        var events = resident.WithdrawConsent(CaregiverId, Now);

        Assert.Equal<object>([new ConsentWithdrawn(CaregiverId, Now), new CaregiverUnlinked(CaregiverId)], events);
    }

    [Fact]
    public void Withdrawal_without_link_is_not_found()
    {
        var resident = Given.Events<Resident>(Registered, new CaregiverLinked(CaregiverId, CaregiverKind.Caregiver), new CaregiverUnlinked(CaregiverId));

        var error = Assert.Throws<NotFoundException>(() => resident.WithdrawConsent(CaregiverId, Now));

        Assert.Equal("resident.caregiver-not-linked", error.Code);
    }
}
