using System.Reflection;
using BonSecours.Modules.CareFollowUp.Calls;
using BonSecours.Modules.CareFollowUp.CheckIns;
using BonSecours.Modules.CareFollowUp.Demo;
using BonSecours.Modules.CareFollowUp.Infrastructure;
using BonSecours.Modules.CareFollowUp.Reminders;
using BonSecours.Modules.CareFollowUp.Residents;
using BonSecours.Modules.CommunityLife.Infrastructure;
using BonSecours.Modules.Residents.Demo;
using BonSecours.Modules.Residents.Features.ImportTenancyFile;
using BonSecours.Modules.Residents.Infrastructure;
using BonSecours.Modules.Services.Infrastructure;
using Xunit;

namespace BonSecours.Tests.Architecture;

/// <summary>
/// A module as the rules see it: its main assembly, its Contracts assembly, its Marten store
/// marker and the public types the Host may use. Everything else in the main assembly must be internal.
/// </summary>
public sealed record ModuleUnderTest(string Name, Type Store, Type AnyContract, params Type[] PublicTypes)
{
    public Assembly Main => Store.Assembly;

    public Assembly Contracts => AnyContract.Assembly;

    public string Namespace => $"BonSecours.Modules.{Name}";

    public override string ToString() => Name;
}

public static class Modules
{
    /// <summary>Every module of the solution; a new module adds one entry here.</summary>
    public static readonly IReadOnlyList<ModuleUnderTest> All =
    [
        new("Residents", typeof(IResidentsStore), typeof(BonSecours.Modules.Residents.Contracts.ResidentRegistered),
            typeof(ResidentsModule), typeof(IResidentsStore), typeof(ResidentsDemo), typeof(DemoPerson), typeof(DemoDataSeeder),
            typeof(TenancyImport), typeof(TenancyImportReport), typeof(RejectedTenancyRow)),
        new("CareFollowUp", typeof(ICareFollowUpStore), typeof(BonSecours.Modules.CareFollowUp.Contracts.PriorityCallRaised),
            typeof(CareFollowUpModule), typeof(ICareFollowUpStore), typeof(ResidentsMessageHandler), typeof(CareDemoSeeder),
            typeof(EscalatePriorityCall), typeof(EscalatePriorityCallHandler), typeof(PriorityCallEscalator),
            typeof(CheckInDeadlineHandler), typeof(CheckInDeadlines), typeof(PriorityCallSignOfLifeHandler), typeof(CheckInDeadlineDue), typeof(MissedCheckInAlertDue),
            typeof(AppointmentReminderDue), typeof(AppointmentReminderHandler), typeof(CareDemoDataSeeder)),
        new("Services", typeof(IServicesStore), typeof(BonSecours.Modules.Services.Contracts.ServiceOrdered),
            typeof(ServicesModule), typeof(IServicesStore), typeof(BonSecours.Modules.Services.Residents.ResidentsMessageHandler),
            typeof(BonSecours.Modules.Services.Demo.ServicesDemoSeeder), typeof(KioskClock),
            typeof(BonSecours.Modules.Services.Features.RecurringOrders.RecurringOrdersHandler),
            typeof(BonSecours.Modules.Services.Features.RecurringOrders.GenerateRecurringOccurrences),
            typeof(BonSecours.Modules.Services.Features.RecurringOrders.PlaceRecurringOccurrence),
            typeof(BonSecours.Modules.Services.Features.RecurringOrders.GenerateDailyOccurrences)),
        new("CommunityLife", typeof(ICommunityLifeStore), typeof(BonSecours.Modules.CommunityLife.Contracts.MessageSent),
            typeof(CommunityLifeModule), typeof(ICommunityLifeStore), typeof(BonSecours.Modules.CommunityLife.Residents.ResidentsMessageHandler),
            typeof(BonSecours.Modules.CommunityLife.Messaging.MessagingDemoSeeder),
            typeof(BonSecours.Modules.CommunityLife.VideoCalls.VideoCallRingTimedOut), typeof(BonSecours.Modules.CommunityLife.VideoCalls.VideoCallTimeoutHandler),
            typeof(BonSecours.Modules.CommunityLife.VideoCalls.VideoCallTimeouts), typeof(BonSecours.Modules.CommunityLife.Games.GameIdleCheckDue),
            typeof(BonSecours.Modules.CommunityLife.Games.GameIdleCheckHandler), typeof(BonSecours.Modules.CommunityLife.Games.GameAbandonment),
            typeof(BonSecours.Modules.CommunityLife.Games.GamesDemoSeeder),
            typeof(BonSecours.Modules.CommunityLife.Agenda.AgendaResidentsHandler), typeof(BonSecours.Modules.CommunityLife.Demo.AgendaDemoSeeder)),
    ];

    public static Assembly Host => typeof(Program).Assembly;

    public static Assembly BuildingBlocks => typeof(BonSecours.BuildingBlocks.Application.ICommand<>).Assembly;

    public static TheoryData<string> Names() => new(All.Select(module => module.Name));

    public static ModuleUnderTest Named(string name) => All.Single(module => module.Name == name);
}
