using System.Reflection;
using System.Text.RegularExpressions;
using BonSecours.BuildingBlocks.Application;
using FluentValidation;
using JasperFx.Events;

namespace BonSecours.Tests.Architecture.Rules;

/// <summary>Names that carry the design: events in the past tense, commands in the imperative.</summary>
public static partial class NamingRules
{
    /// <summary>Irregular past participles, accepted as event names although they do not end in "ed".</summary>
    public static readonly string[] IrregularPastParticiples =
        ["Lent", "Given", "Withdrawn", "Sent", "Held", "Paid", "Taken", "Made", "Spent", "Built", "Done", "Written", "Chosen", "Begun", "Drawn", "Met", "Set", "Left", "Won", "Lost"];

    /// <summary>Verbs a command name may start with. Add one when a new use case needs it.</summary>
    public static readonly string[] CommandVerbs =
        ["Register", "Change", "Lend", "Return", "Link", "Unlink", "Move", "Record", "Withdraw", "Give", "Add", "Remove", "Cancel",
         "Book", "Raise", "Acknowledge", "Escalate", "Schedule", "Send", "Post", "Publish", "Place", "Deliver", "Close", "Open",
         "Start", "Stop", "Assign", "Confirm", "Erase", "Export", "Import", "Rename", "Update", "Create", "Delete", "Set", "Mark",
         "Pair", "Reset", "Sign", "Reschedule", "Renew", "Block", "Report", "Accept", "Decline", "Hang", "Invite", "Play", "End",
         "Propose", "Approve", "Resolve", "Unblock"];

    /// <summary>
    /// Finds the event types of <paramref name="types"/>: the first parameter of every Apply, Create,
    /// Evolve or ShouldDelete method (unwrapping Marten's <c>IEvent&lt;T&gt;</c>), declared in the same
    /// assembly. The evolvers that Marten's source generator emits as file-local types are skipped.
    /// </summary>
    public static IReadOnlyList<Type> AppliedEvents(IEnumerable<Type> types)
    {
        string[] names = ["Apply", "Create", "Evolve", "ShouldDelete"];
        return types
            .Where(type => !type.Name.StartsWith('<'))
            .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(method => names.Contains(method.Name) && method.GetParameters().Length > 0)
                .Select(method => Unwrap(method.GetParameters()[0].ParameterType))
                .Where(parameter => parameter.IsClass && parameter.Assembly == type.Assembly && parameter != type))
            .Distinct()
            .ToList();
    }

    public static IReadOnlyList<string> EventsNotInPastTense(IEnumerable<Type> events) =>
        events.Where(type => !IsPastTense(LastWord(type.Name)))
            .Select(type => $"event {type.FullName} is not named in the past tense (it should end in \"ed\" or an irregular participle such as Lent)")
            .ToList();

    public static IEnumerable<Type> Commands(IEnumerable<Type> types) =>
        types.Where(type => !type.IsAbstract && type.GetInterfaces().Any(contract => contract.IsGenericType && contract.GetGenericTypeDefinition() == typeof(ICommand<>)));

    public static IReadOnlyList<string> CommandsNotImperative(IEnumerable<Type> commands)
    {
        var violations = new List<string>();
        foreach (var command in commands)
        {
            var name = command.Name;
            if (name.EndsWith("Command", StringComparison.Ordinal))
            {
                violations.Add($"command {command.FullName} ends in \"Command\"; name it after the action, for example RegisterResident");
            }
            else if (IsPastTense(LastWord(name)))
            {
                violations.Add($"command {command.FullName} is in the past tense, which is for events");
            }

            if (!CommandVerbs.Contains(Words(name).FirstOrDefault()))
            {
                violations.Add($"command {command.FullName} does not start with a known verb ({string.Join(", ", CommandVerbs)})");
            }
        }

        return violations;
    }

    /// <summary>Lists FluentValidation validators not named after the type they validate plus "Validator".</summary>
    public static IReadOnlyList<string> MisnamedValidators(IEnumerable<Type> types) =>
        types.Where(type => !type.IsAbstract)
            .Select(type => (Type: type, Validated: ValidatedType(type)))
            .Where(entry => entry.Validated is not null && entry.Type.Name != entry.Validated.Name + "Validator")
            .Select(entry => $"validator {entry.Type.FullName} validates {entry.Validated!.Name}; name it {entry.Validated.Name}Validator")
            .ToList();

    private static Type? ValidatedType(Type type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.IsGenericType && current.GetGenericTypeDefinition() == typeof(AbstractValidator<>))
            {
                return current.GetGenericArguments()[0];
            }
        }

        return null;
    }

    private static Type Unwrap(Type parameter) =>
        parameter.IsGenericType && parameter.GetGenericTypeDefinition() == typeof(IEvent<>) ? parameter.GetGenericArguments()[0] : parameter;

    private static bool IsPastTense(string word) =>
        word.EndsWith("ed", StringComparison.Ordinal) || IrregularPastParticiples.Contains(word);

    /// <summary>Particles of phrasal verbs, skipped so that ResidentMovedIn is read as "Moved".</summary>
    private static readonly string[] Particles = ["In", "Out", "Up", "Down", "Off", "On", "Back", "Over", "Away"];

    private static string LastWord(string name) =>
        Words(name).Reverse().SkipWhile(word => Particles.Contains(word)).FirstOrDefault() ?? name;

    private static string[] Words(string name) => [.. WordPattern().Matches(name).Select(match => match.Value)];

    [GeneratedRegex("[A-Z][a-z0-9]*")]
    private static partial Regex WordPattern();
}
