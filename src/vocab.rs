//! The closed vocabularies of the schema (organisation and name kinds, document kinds,
//! membership roles, stance values, evidence) as clap value enums: help lists the choices and
//! a wrong word is refused before anything runs. The schema's CHECK lists stay the source of
//! truth: tests/vocab.rs pins every enum here to the CHECK of its column.

/// One vocabulary: a value enum whose words are exactly the CHECK list of `COLUMN`.
macro_rules! vocabulary {
    (
        $(#[$meta:meta])*
        $name:ident in $table:literal . $column:literal {
            $($variant:ident = $word:literal),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum $name {
            $(#[value(name = $word)] $variant),+
        }

        impl $name {
            /// The table and column whose CHECK list this vocabulary is.
            pub const COLUMN: (&'static str, &'static str) = ($table, $column);
            /// Every word, in the schema's order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The word as stored.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $word),+
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl From<$name> for Option<String> {
            fn from(v: $name) -> Option<String> {
                Some(v.as_str().to_string())
            }
        }
    };
}

vocabulary! {
    /// What an organisation is.
    OrgKind in "organisations"."kind" {
        Party = "party",
        YouthOrg = "youth_org",
        Organisation = "organisation",
        Alliance = "alliance",
        Network = "network",
        Tendency = "tendency",
        Bloc = "bloc",
        StateBody = "state_body",
        Media = "media",
        Company = "company",
        ArmedGroup = "armed_group",
    }
}

vocabulary! {
    /// How a name form of an organisation is known.
    NameKind in "names"."kind" {
        Official = "official",
        Abbreviation = "abbreviation",
        Translation = "translation",
        Transliteration = "transliteration",
        Informal = "informal",
        Label = "label",
    }
}

vocabulary! {
    /// What a document is.
    DocKind in "documents"."kind" {
        Statement = "statement",
        JointStatement = "joint_statement",
        Article = "article",
        Theses = "theses",
        News = "news",
        Book = "book",
        Pamphlet = "pamphlet",
        Platform = "platform",
        WebPage = "web_page",
        Message = "message",
    }
}

vocabulary! {
    /// An organisation's place in an alliance, network or bloc.
    Role in "memberships"."role" {
        Member = "member",
        LeadingMember = "leading_member",
        Section = "section",
        Observer = "observer",
    }
}

vocabulary! {
    /// The answer a stance gives to an issue's question.
    StanceValue in "stances"."value" {
        Support = "support",
        Oppose = "oppose",
        Ambivalent = "ambivalent",
        NoneFound = "none_found",
    }
}

vocabulary! {
    /// Whose words prove a stance: the organisation's own, or words a source attributes to it.
    Evidence in "stances"."evidence" {
        Own = "own",
        Attributed = "attributed",
    }
}

vocabulary! {
    /// The side a statement takes on an issue (its signatories' side by signature).
    PositionValue in "statement_positions"."value" {
        Support = "support",
        Oppose = "oppose",
        Ambivalent = "ambivalent",
    }
}

vocabulary! {
    /// A state's place in a bloc.
    CountryRole in "country_memberships"."role" {
        Member = "member",
        LeadingMember = "leading_member",
    }
}

vocabulary! {
    /// What a printed role of a person is.
    RoleKind in "roles"."kind" {
        Office = "office",
        MemberOfParliament = "member_of_parliament",
        StateOffice = "state_office",
    }
}

/// The words of a vocabulary joined for a message ("a, b, c").
pub fn words<T: Copy + std::fmt::Display>(all: &[T]) -> String {
    all.iter().map(T::to_string).collect::<Vec<_>>().join(", ")
}
