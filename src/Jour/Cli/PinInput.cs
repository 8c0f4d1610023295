using System.Text;
using Jour.Resources;

namespace Jour.Cli;

/// <summary>
/// A new PIN for `jour users add|reset-pin`, never from the command line itself (it would stay in the
/// shell's history and in `ps`): from JOUR_NEW_PIN, else one line of piped standard input, else typed twice
/// at the terminal without echo.
/// </summary>
internal static class PinInput
{
    public const string NewPinVariable = "JOUR_NEW_PIN";

    public static string Read(TextWriter prompts)
    {
        if (Environment.GetEnvironmentVariable(NewPinVariable) is { Length: > 0 } fromEnvironment)
        {
            return fromEnvironment;
        }

        if (Console.IsInputRedirected)
        {
            string? line = Console.In.ReadLine();
            return line is { Length: > 0 } ? line.TrimEnd('\r') : throw new CliException(CliText.Users_NoPin);
        }

        string first = ReadHidden(prompts, CliText.Users_PinPrompt);
        string again = ReadHidden(prompts, CliText.Users_PinAgain);
        return first == again ? first : throw new CliException(CliText.Users_PinMismatch);
    }

    private static string ReadHidden(TextWriter prompts, string label)
    {
        prompts.Write(label + " ");
        prompts.Flush();
        var typed = new StringBuilder();
        while (true)
        {
            ConsoleKeyInfo key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                break;
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                typed.Length = Math.Max(0, typed.Length - 1);
            }
            else if (!char.IsControl(key.KeyChar))
            {
                typed.Append(key.KeyChar);
            }
        }

        prompts.WriteLine();
        return typed.ToString();
    }
}
