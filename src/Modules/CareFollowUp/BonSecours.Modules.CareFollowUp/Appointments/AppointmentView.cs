using BonSecours.Modules.CareFollowUp.Infrastructure;

namespace BonSecours.Modules.CareFollowUp.Appointments;

/// <summary>An appointment as the API returns it: the UTC instants, and the Paris local times for display.</summary>
internal sealed record AppointmentView(
    Guid Id,
    Guid ResidentId,
    string Practitioner,
    string Specialty,
    string? Place,
    string? Notes,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string LocalStart,
    string LocalEnd,
    string TimeZone,
    int DurationMinutes,
    bool NeedsCompanion,
    bool Cancelled,
    long Version,
    IReadOnlyList<Guid> Overlaps)
{
    public static AppointmentView From(MedicalAppointment appointment, AppointmentDetails? details, IReadOnlyList<Guid>? overlaps = null) => new(
        appointment.Id,
        appointment.ResidentId,
        details?.Practitioner ?? string.Empty,
        details?.Specialty ?? string.Empty,
        details?.Place,
        details?.Notes,
        appointment.StartsAt,
        appointment.EndsAt,
        ParisTime.FormatLocal(appointment.StartsAt),
        ParisTime.FormatLocal(appointment.EndsAt),
        ParisTime.TimeZoneId,
        appointment.DurationMinutes,
        appointment.NeedsCompanion,
        appointment.Cancelled,
        appointment.Version,
        overlaps ?? []);
}
