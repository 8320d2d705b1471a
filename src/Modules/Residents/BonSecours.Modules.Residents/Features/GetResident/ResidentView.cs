using BonSecours.BuildingBlocks.Domain;
using BonSecours.Modules.Residents.Domain;
using BonSecours.Modules.Residents.Projections;

namespace BonSecours.Modules.Residents.Features.GetResident;

internal sealed record ResidentView(
    Guid Id,
    string FirstName,
    string LastName,
    DateOnly BirthDate,
    ResidentCategory Category,
    ResidencyStatus Status,
    string? TenancyReference,
    Guid? FlatId,
    string? FlatNumber,
    int? Floor,
    Guid? HouseholdId,
    DateOnly? MoveInDate,
    DateOnly? MoveOutDate,
    string? Phone,
    string? Email,
    AccessibilityPreferences Preferences,
    string? LentTabletSerial,
    IReadOnlyList<LinkedCaregiver> Caregivers,
    long Version)
{
    public static ResidentView From(ResidentProfile profile, ResidentPersonalDetails? details) => new(
        profile.Id,
        details?.FirstName ?? string.Empty,
        details?.LastName ?? string.Empty,
        details?.BirthDate ?? default,
        profile.Category,
        profile.Status,
        profile.TenancyReference,
        profile.FlatId,
        profile.FlatNumber,
        profile.Floor,
        profile.HouseholdId,
        profile.MoveInDate,
        profile.MoveOutDate,
        details?.Phone is { } phone ? FrenchPhoneNumber.Display(phone) : null,
        details?.Email,
        profile.Preferences,
        profile.LentTabletSerial,
        profile.Caregivers,
        profile.Version);
}
