package app.kith.e2e;

/** The files a user brings into the scripted week: contact exports and invitations as producers write them. */
final class Files4Week {
  private Files4Week() {}

  static final String OWNER = "robin@example.nl";

  static final String CONNECTIONS_CSV =
      "Notes:\n"
          + "\"When exporting your connection data, you may notice that some of the email addresses are missing. "
          + "You will only see email addresses for connections who have allowed their connections to see or "
          + "download their email address using this setting https://www.linkedin.com/psettings/privacy/email. "
          + "You can learn more here https://www.linkedin.com/help/linkedin/answer/261\"\n"
          + "\n"
          + "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
          + "Amara,Okafor,https://www.linkedin.com/in/amara-okafor,amara.okafor@example.com,Brightwater Labs,Head of Product,12 Mar 2024\n"
          + "José,Ramírez,https://www.linkedin.com/in/jose-ramirez,jose.ramirez@example.org,Verde Energía,CTO,15 Aug 2021\n"
          + "Mei,Tanaka,https://www.linkedin.com/in/mei-tanaka,,\"Kumo Systems, Inc.\",Staff Designer,28 Nov 2022\n";

  static final String PHONE_VCF =
      "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Okafor;Amara;;;\r\nFN:Amara Okafor\r\nORG:Brightwater Labs\r\n"
          + "EMAIL;TYPE=INTERNET:amara.okafor@example.com\r\nTEL;TYPE=CELL:+44 7700 900123\r\n"
          + "NOTE:Met at the Leeds product meetup. Loves trail running.\r\nEND:VCARD\r\n"
          + "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Berg;Sofia;;;\r\nFN:Sofia Berg\r\nORG:Nordlicht Design\r\n"
          + "EMAIL;TYPE=INTERNET:sofia.berg@example.net\r\nEND:VCARD\r\n";

  static final String OUTLOOK_ZONE =
      "BEGIN:VTIMEZONE\r\nTZID:W. Europe Standard Time\r\n"
          + "BEGIN:STANDARD\r\nDTSTART:16011028T030000\r\nRRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\r\n"
          + "TZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nEND:STANDARD\r\n"
          + "BEGIN:DAYLIGHT\r\nDTSTART:16010325T020000\r\nRRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3\r\n"
          + "TZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nEND:DAYLIGHT\r\nEND:VTIMEZONE\r\n";

  static final String KICKOFF_UID = "040000008200E00074C5B7101A82E00800000000A1B2C3D4E5F6A7B8000000000000000010000000";
  static final String TEAMS = "https://teams.microsoft.com/l/meetup-join/19%3ameeting_Pilot%40thread.v2/0";

  /** Outlook: an invitation for Tuesday 4 March 2025, 10:00-11:00 in W. Europe Standard Time. */
  static final String KICKOFF_ICS =
      "BEGIN:VCALENDAR\r\nPRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN\r\nVERSION:2.0\r\n"
          + "METHOD:REQUEST\r\nX-MS-OLK-FORCEINSPECTOROPEN:TRUE\r\n" + OUTLOOK_ZONE
          + "BEGIN:VEVENT\r\n"
          + "ATTENDEE;CN=\"Amara Okafor\";RSVP=TRUE:mailto:amara.okafor@example.com\r\n"
          + "ATTENDEE;CN=\"Nils Nieuwenhuis\";RSVP=TRUE:mailto:nils@newco.test\r\n"
          + "ATTENDEE;CN=\"Robin de Vries\";RSVP=TRUE:mailto:" + OWNER + "\r\n"
          + "ATTENDEE;CN=\"Boardroom 4.12\";CUTYPE=RESOURCE;ROLE=NON-PARTICIPANT;RSVP=TRUE:mailto:room-412@partner.test\r\n"
          + "CLASS:PUBLIC\r\nCREATED:20250228T090000Z\r\n"
          + "DESCRIPTION:Let's start the pilot.\\n\\n______________________________\\nMicrosoft Teams meeting\\n"
          + "Join on your computer: " + TEAMS + "\\n\r\n"
          + "DTEND;TZID=\"W. Europe Standard Time\":20250304T110000\r\n"
          + "DTSTAMP:20250228T090000Z\r\n"
          + "DTSTART;TZID=\"W. Europe Standard Time\":20250304T100000\r\n"
          + "LAST-MODIFIED:20250228T090000Z\r\nLOCATION:Boardroom 4.12\r\n"
          + "ORGANIZER;CN=\"Pieter Jansen\":mailto:pieter@partner.test\r\n"
          + "PRIORITY:5\r\nSEQUENCE:0\r\nSUMMARY;LANGUAGE=en-us:Pilot kick-off\r\nTRANSP:OPAQUE\r\n"
          + "UID:" + KICKOFF_UID + "\r\n"
          + "X-MICROSOFT-CDO-BUSYSTATUS:TENTATIVE\r\nX-MICROSOFT-CDO-IMPORTANCE:1\r\n"
          + "END:VEVENT\r\nEND:VCALENDAR\r\n";

  static final String LUNCH_UID = "lunch-2025-03-06@partner.test";

  /** A second invitation from the same organizer: lunch on Thursday, cancelled on Wednesday. */
  static String lunch(String method, int sequence, String status) {
    return "BEGIN:VCALENDAR\r\nPRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN\r\nVERSION:2.0\r\n"
        + "METHOD:" + method + "\r\n" + OUTLOOK_ZONE
        + "BEGIN:VEVENT\r\n"
        + "ATTENDEE;CN=\"Robin de Vries\";RSVP=TRUE:mailto:" + OWNER + "\r\n"
        + "ATTENDEE;CN=\"Amara Okafor\";RSVP=TRUE:mailto:amara.okafor@example.com\r\n"
        + "DTSTART;TZID=\"W. Europe Standard Time\":20250306T120000\r\n"
        + "DTEND;TZID=\"W. Europe Standard Time\":20250306T133000\r\n"
        + "DTSTAMP:2025030" + (sequence == 0 ? "1" : "5") + "T090000Z\r\n"
        + "ORGANIZER;CN=\"Pieter Jansen\":mailto:pieter@partner.test\r\n"
        + "SEQUENCE:" + sequence + "\r\nSTATUS:" + status + "\r\nSUMMARY:Partner lunch\r\n"
        + "LOCATION:De Kas\r\nUID:" + LUNCH_UID + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
  }

  /** The cancellation as Outlook mails it: text and a text/calendar part with METHOD:CANCEL. */
  static String cancelEml() {
    String ics = lunch("CANCEL", 1, "CANCELLED");
    return "From: \"Pieter Jansen\" <pieter@partner.test>\r\n"
        + "To: \"Robin de Vries\" <" + OWNER + ">\r\n"
        + "Subject: Canceled: Partner lunch\r\n"
        + "Date: Wed, 5 Mar 2025 10:00:00 +0100\r\n"
        + "Message-ID: <cancel-lunch-1@partner.test>\r\n"
        + "MIME-Version: 1.0\r\n"
        + "Content-Type: multipart/alternative; boundary=\"b1\"\r\n\r\n"
        + "--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nThe lunch is off, sorry.\r\n"
        + "--b1\r\nContent-Type: text/calendar; charset=utf-8; method=CANCEL\r\n\r\n"
        + ics
        + "--b1--\r\n";
  }

  /** My weekly stand-up, from my own calendar, starting this week. */
  static final String STANDUP_ICS =
      "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Example//Calendar//EN\r\n"
          + "BEGIN:VEVENT\r\nUID:standup-series@example.nl\r\nDTSTAMP:20250301T090000Z\r\n"
          + "DTSTART;TZID=Europe/Amsterdam:20250304T090000\r\nDTEND;TZID=Europe/Amsterdam:20250304T091500\r\n"
          + "RRULE:FREQ=WEEKLY;BYDAY=TU\r\nSUMMARY:Team stand-up\r\n"
          + "ORGANIZER;CN=Robin de Vries:mailto:" + OWNER + "\r\n"
          + "ATTENDEE;PARTSTAT=ACCEPTED:mailto:" + OWNER + "\r\n"
          + "ATTENDEE;CN=Kees Bakker;PARTSTAT=ACCEPTED:mailto:kees@example.nl\r\n"
          + "END:VEVENT\r\nEND:VCALENDAR\r\n";

  /** Put in my calendar late on Tuesday evening for Wednesday morning: its brief is due at once. */
  static final String BREAKFAST_ICS =
      "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Example//Calendar//EN\r\n"
          + "BEGIN:VEVENT\r\nUID:breakfast-2025-03-05@example.nl\r\nDTSTAMP:20250304T213000Z\r\n"
          + "DTSTART;TZID=Europe/Amsterdam:20250305T090000\r\nDTEND;TZID=Europe/Amsterdam:20250305T100000\r\n"
          + "SUMMARY:Founders breakfast\r\nLOCATION:The Hub\r\n"
          + "END:VEVENT\r\nEND:VCALENDAR\r\n";
}
