using BonSecours.BuildingBlocks.Domain;

namespace BonSecours.Modules.CareFollowUp.Appointments;

internal static class AppointmentRules
{
    public static NotFoundException AppointmentNotFound(Guid appointmentId) =>
        new("appointment.not-found", new LocalizedText(
            $"Aucun rendez-vous {appointmentId} dans cette résidence.",
            $"No appointment {appointmentId} in this residence."));

    public static DomainRuleException AlreadyCancelled(Guid appointmentId) =>
        new("appointment.cancelled", new LocalizedText(
            $"Le rendez-vous {appointmentId} est annulé. Il ne peut plus être modifié. Créez un nouveau rendez-vous.",
            $"Appointment {appointmentId} is cancelled and can no longer be changed. Schedule a new appointment."));

    public static DomainRuleException ResidentSelectionRequired() =>
        new("appointment.resident-required", new LocalizedText(
            "Indiquez le résident avec le paramètre residentId.",
            "Give the resident with the residentId parameter."));
}
