using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Http;
using BonSecours.BuildingBlocks.Persistence;
using BonSecours.Modules.Services.Domain;
using BonSecours.Modules.Services.Features.Orders;
using BonSecours.Modules.Services.Infrastructure;
using FluentValidation;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BonSecours.Modules.Services.Features.Offerings;

/// <summary>One slot a person can still order: its date, times, places left and the last moment to order.</summary>
internal sealed record OfferingSlotView(DateOnly Date, string SlotStart, string SlotEnd, int PlacesLeft, DateTimeOffset OrderBefore);

/// <summary>
/// The slots of an offering over the next days that are still open to order: residents and
/// caregivers only see slots before their cut-off, kiosk staff also see later ones from today.
/// Full slots are listed with no place left, so a screen can show them as full.
/// </summary>
internal sealed record ListOfferingSlots(Guid OfferingId, int Days) : IQuery<IReadOnlyList<OfferingSlotView>>;

internal sealed class ListOfferingSlotsValidator : AbstractValidator<ListOfferingSlots>
{
    public const int MaxDays = 31;

    public ListOfferingSlotsValidator() =>
        RuleFor(query => query.Days).InclusiveBetween(1, MaxDays).Named("nombre de jours", "days");
}

internal sealed class ListOfferingSlotsHandler(ModuleSessions<IServicesStore> sessions, KioskAccess access, KioskClock clock)
    : IRequestHandler<ListOfferingSlots, IReadOnlyList<OfferingSlotView>>
{
    public async Task<IReadOnlyList<OfferingSlotView>> Handle(ListOfferingSlots query, CancellationToken cancellationToken)
    {
        await using var session = sessions.OpenForRead();
        var offering = await OrderPlacement.LoadOfferingAsync(session, query.OfferingId, cancellationToken);
        if (offering.Withdrawn)
        {
            return [];
        }

        var today = KioskCalendar.Today(clock);
        var slots = new List<OfferingSlotView>();
        for (var date = today; date < today.AddDays(query.Days); date = date.AddDays(1))
        {
            if (!offering.Details.Days.Contains(date.DayOfWeek)
                || (!access.IsKioskStaff && OrderPlacement.IsPastCutOff(offering.Details.CutOff, date, clock)))
            {
                continue;
            }

            foreach (var slot in offering.Details.Slots)
            {
                var slotId = SlotBooking.IdFor(session.TenantId, offering.Id, date, slot.Start);
                var booking = await session.Events.AggregateStreamAsync<SlotBooking>(slotId, token: cancellationToken);
                var placesLeft = Math.Max(0, offering.Details.CapacityPerSlot - (booking?.OrderIds.Count ?? 0));
                slots.Add(new OfferingSlotView(date, slot.Start, slot.End, placesLeft, KioskCalendar.CutOffFor(offering.Details.CutOff, date)));
            }
        }

        return slots;
    }
}

internal static class ListOfferingSlotsEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/offerings/{offeringId:guid}/slots", (Guid offeringId, int? days, IMediator mediator, CancellationToken cancellationToken) =>
                mediator.Send(new ListOfferingSlots(offeringId, days ?? 14), cancellationToken))
            .WithTags("Kiosque")
            .WithSummary("Les créneaux d'un service encore ouverts à la commande, avec les places restantes");
}
