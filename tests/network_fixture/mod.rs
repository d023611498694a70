//! A hand-built co-signature fixture (8 statements, 8 organisations, one alliance, one issue),
//! loaded on top of the seed through `import`; every count the network tests expect is worked
//! out by hand in the comments and the tests. The statements are dated 2023–2024, after the
//! seed's one signed statement (2022), so `--since 2023` sees the fixture alone.
//!
//! s1 2023-01-10  a1 a2 a3 a4         s5 2023-05-01  b1 b2 b3
//! s2 2023-02     a1 a2 a3            s6 2023-06-01  b1 b2
//! s3 2023-03-05  a1 a2 a4            s7 2023-07-01  a1 b1 x
//! s4 2023-04-01  b1 b2 b3            s8 2024-01-15  a1 a2
//!
//! Alliance fx-al: a1, a2, a3 member since 2020; a4 member, dates not recorded; x member
//! 2021 – 2022-12 (so not a member at any statement). Issue fx-issue: a1, a2, a3 oppose,
//! a4 and b1 support, b2 none_found.
#![allow(dead_code)]

use crate::common::Env;

const ORGS: &str = "id,name,kind,country
fx-al,Fixture Alliance,alliance,
fx-a1,Fixture Party A1,party,GR
fx-a2,Fixture Party A2,party,TR
fx-a3,Fixture Party A3,party,CY
fx-a4,Fixture Youth A4,youth_org,GR
fx-b1,Fixture Party B1,party,FR
fx-b2,Fixture Party B2,party,DE
fx-b3,Fixture Party B3,party,IT
fx-x,Fixture Party X,party,ES
";

const DOCS: &str = "id,title,kind,date,languages
fx-s1,Fixture statement one,joint_statement,2023-01-10,en
fx-s2,Fixture statement two,joint_statement,2023-02,en
fx-s3,Fixture statement three,joint_statement,2023-03-05,en
fx-s4,Fixture statement four,joint_statement,2023-04-01,en
fx-s5,Fixture statement five,joint_statement,2023-05-01,en
fx-s6,Fixture statement six,joint_statement,2023-06-01,en
fx-s7,Fixture statement seven,joint_statement,2023-07-01,en
fx-s8,Fixture statement eight,joint_statement,2024-01-15,en
fx-src,Fixture membership list,web_page,2023-01-01,en
";

/// Who signed what (statement, signers in printed order).
pub const SIGNED: [(&str, &[&str]); 8] = [
    ("fx-s1", &["fx-a1", "fx-a2", "fx-a3", "fx-a4"]),
    ("fx-s2", &["fx-a1", "fx-a2", "fx-a3"]),
    ("fx-s3", &["fx-a1", "fx-a2", "fx-a4"]),
    ("fx-s4", &["fx-b1", "fx-b2", "fx-b3"]),
    ("fx-s5", &["fx-b1", "fx-b2", "fx-b3"]),
    ("fx-s6", &["fx-b1", "fx-b2"]),
    ("fx-s7", &["fx-a1", "fx-b1", "fx-x"]),
    ("fx-s8", &["fx-a1", "fx-a2"]),
];

const MEMBERSHIPS: &str = "org_id,alliance_id,role,start,end,source_id
fx-a1,fx-al,leading_member,2020,,fx-src
fx-a2,fx-al,member,2020,,fx-src
fx-a3,fx-al,member,2020-06,,fx-src
fx-a4,fx-al,member,,,fx-src
fx-x,fx-al,member,2021,2022-12,fx-src
";

const ISSUES: &str = "id,title,question
fx-issue,Fixture issue,Is the fixture issue settled?
";

const STANCES: &str = "org_id,issue_id,as_of,value,quote,document_id,evidence
fx-a1,fx-issue,2023-01-10,oppose,We oppose it (A1).,fx-s1,own
fx-a2,fx-issue,2023-01-10,oppose,We oppose it (A2).,fx-s1,own
fx-a3,fx-issue,2023-01-10,oppose,We oppose it (A3).,fx-s1,own
fx-a4,fx-issue,2023-03-05,support,We support it (A4).,fx-s3,own
fx-b1,fx-issue,2023-04-01,support,We support it (B1).,fx-s4,own
fx-b2,fx-issue,2023-04-01,none_found,,fx-s4,own
";

/// The seed plus the fixture, imported table by table through the real binary.
pub fn env() -> Env {
    let env = Env::new();
    let mut sigs = String::from("document_id,org_id,name_as_printed,position,source_id\n");
    for (doc, orgs) in SIGNED {
        for (i, org) in orgs.iter().enumerate() {
            let printed = org.trim_start_matches("fx-").to_uppercase();
            sigs.push_str(&format!("{doc},{org},Party {printed},{},{doc}\n", i + 1));
        }
    }
    for (table, csv) in [
        ("organisations", ORGS),
        ("documents", DOCS),
        ("signatures", sigs.as_str()),
        ("memberships", MEMBERSHIPS),
        ("issues", ISSUES),
        ("stances", STANCES),
    ] {
        let file = env.write(&format!("{table}.csv"), csv.as_bytes());
        env.run(&["import", table, file.to_str().expect("utf-8 path")])
            .ok();
    }
    env
}
